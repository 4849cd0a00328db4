using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>Two hosts on one PostgreSQL database share accounts, tokens and the audit log.</summary>
public class ClusterTokenFacts
{
    [Fact]
    public async Task A_token_issued_on_one_host_works_on_the_other_and_revoked_there_is_refused_on_the_first()
    {
        await using var cluster = await ClusterHosts.StartAsync(2);
        var (a, b) = (cluster.Hosts[0], cluster.Hosts[1]);
        using var adminOnA = Access.Basic(a.BaseAddress, "admin", ServerProcess.AdminPassword);
        var (id, token) = await Access.IssueTokenAsync(adminOnA, "admin", null, "运维脚本", expiresInDays: 1);

        // An admin endpoint: anonymous reading (on for these hosts) does not reach it, only the token does.
        using var tokenOnB = Access.Bearer(b.BaseAddress, token);
        var listed = await tokenOnB.GetAsync("/api/admin/tokens");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(id, await listed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await tokenOnB.DeleteAsync($"/api/admin/tokens/{id}")).StatusCode);

        using var tokenOnA = Access.Bearer(a.BaseAddress, token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tokenOnA.GetAsync("/api/admin/tokens")).StatusCode);
        var audit = await adminOnA.GetFromJsonAsync<JsonElement[]>("/api/admin/audit");
        var actions = audit!.Where(e => e.GetProperty("detail").GetString()!.StartsWith(id, StringComparison.Ordinal))
            .Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["token.revoked", "token.created"], actions);
    }
}
