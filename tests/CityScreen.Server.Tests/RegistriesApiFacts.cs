using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>A community's needs, resources, projects and units through the API: filters, a grid's own rows, CSV, bad parameters.</summary>
[Collection("host")]
public class RegistriesApiFacts(HostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task A_need_answered_by_a_completed_project_lists_as_done_with_its_unit_ranked_and_exports_as_csv()
    {
        var g = Guid.NewGuid().ToString("N")[..8];
        string Head(string id, string type, string area = $"\"communityId\":\"{Community}\"") =>
            $"\"id\":\"{id}-{g}\",\"type\":\"{type}\",\"occurredAt\":\"{Now(5)}\",{area},\"source\":\"party-cloud\"";
        using var http = Host.Client();
        var response = await http.PostAsync("/api/events", Json(Batch(
            $$"""{{{Head("u", "unit.registered")}},"unitId":"U-{{g}}","name":"延安市第二中学","kind":"学校","agreementSignedAt":"{{Now(60)}}"}""",
            $$"""{{{Head("n1", "need.listed", $"\"gridId\":\"{Grid}\"")}},"needId":"N1-{{g}}","category":"助学","title":"放学后托管","origin":"走访"}""",
            $$"""{{{Head("n2", "need.listed")}},"needId":"N2-{{g}}","category":"助学","title":"暑期课堂","origin":"点单"}""",
            $$"""{{{Head("r", "resource.listed")}},"resourceId":"R-{{g}}","unitId":"U-{{g}}","category":"助学","title":"教师志愿辅导"}""",
            $$"""{{{Head("p", "project.published")}},"projectId":"P-{{g}}","title":"四点半课堂","needIds":["N1-{{g}}"],"resourceIds":["R-{{g}}"]}""",
            $$"""{{{Head("c", "project.claimed")}},"projectId":"P-{{g}}","unitId":"U-{{g}}"}""",
            $$"""{{{Head("d", "project.completed")}},"projectId":"P-{{g}}","unitId":"U-{{g}}"}""",
            $$"""{{{Head("s", "project.rated")}},"projectId":"P-{{g}}","score":5}""")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var needs = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Community}/needs");
        string StatusOf(JsonElement list, string idField, string id) =>
            list.EnumerateArray().Single(r => r.GetProperty(idField).GetString() == id).GetProperty("status").GetString()!;
        Assert.Equal("done", StatusOf(needs, "needId", $"N1-{g}"));
        Assert.Equal("matched", StatusOf(needs, "needId", $"N2-{g}"));
        var gridNeeds = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Grid}/needs");
        Assert.Contains(gridNeeds.EnumerateArray(), r => r.GetProperty("needId").GetString() == $"N1-{g}");
        Assert.DoesNotContain(gridNeeds.EnumerateArray(), r => r.GetProperty("needId").GetString() == $"N2-{g}");
        var open = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Community}/needs?status=open");
        Assert.DoesNotContain(open.EnumerateArray(), r => r.GetProperty("needId").GetString()!.EndsWith(g, StringComparison.Ordinal));

        var projects = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Community}/projects?unit=U-{g}");
        var project = Assert.Single(projects.EnumerateArray());
        Assert.Equal(("completed", "延安市第二中学", 5.0), (project.GetProperty("status").GetString(), project.GetProperty("unitName").GetString(), project.GetProperty("meanScore").GetDouble()));
        var unit = (await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Community}/units?status=agreement")).EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == $"U-{g}");
        Assert.Equal(1, unit.GetProperty("projectsCompleted").GetInt32());

        var csv = await http.GetAsync($"/api/areas/{Community}/resources?unit=U-{g}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF资源编号,单位编号,单位,标题,类别,列入时间\n", text);
        Assert.Contains($"R-{g},U-{g},延安市第二中学,教师志愿辅导,助学,", text);

        var area = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Community}");
        foreach (var id in new[] { "PM04", "UN01", "UN02", "UN03", "NR01", "PJ01", "PJ02", "PJ03", "CS01", "ST01", "LP01", "LP02" })
            Assert.True(area.GetProperty("indicators").TryGetProperty(id, out _), $"{id} in indicators");
        Assert.True(area.GetProperty("counts").GetProperty("NR01").GetProperty("denominator").GetInt64() >= 2);
    }

    [Theory]
    [InlineData($"/api/areas/{Street}/needs", "id")]
    [InlineData($"/api/areas/{Community}/needs?status=closed", "status")]
    [InlineData($"/api/areas/{Community}/projects?from=2026-13-01", "from")]
    [InlineData($"/api/areas/{Community}/units?format=xml", "format")]
    [InlineData($"/api/areas/{Community}/needs?unit=U1", "unit")]
    public async Task A_bad_parameter_is_a_400_naming_it(string url, string parameter)
    {
        using var http = Host.Client();

        var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_area_is_a_404()
    {
        using var http = Host.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/areas/999999/projects")).StatusCode);
    }
}
