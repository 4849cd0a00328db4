using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Testing;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>The departments' directory, one department's indicators in an area, the ranking, and the whistle board.</summary>
[Collection("host")]
public class DepartmentsApiFacts(HostFixture fixture)
{
    private const string Cgzf = "610602-cgzf";
    private const string Zj = "610602-zj";
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task The_directory_lists_every_department_with_its_streets()
    {
        using var http = Host.Client();

        var list = await http.GetFromJsonAsync<JsonElement>("/api/departments");

        Assert.Equal(41, list.GetArrayLength());
        var cgzf = list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == Cgzf);
        Assert.Equal("城管执法", cgzf.GetProperty("kind").GetString());
        Assert.Equal("district", cgzf.GetProperty("level").GetString());
        Assert.Contains(Street, cgzf.GetProperty("streets").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_whistle_shows_in_the_department_its_ranking_and_the_areas_whistle_board()
    {
        var caseId = $"AJ-dept-{Guid.NewGuid():N}";
        using var http = Host.Client();
        var response = await http.PostAsync("/api/events", Json(Batch(
            Reported($"{caseId}-1", caseId), Filed($"{caseId}-2", caseId), Whistled($"{caseId}-3", caseId, Cgzf, Zj), RespondedBy($"{caseId}-4", caseId, Cgzf))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Host.PassMarkerAsync(Street);
        var department = await http.GetFromJsonAsync<JsonElement>($"/api/departments/{Cgzf}?areaId={Street}");
        Assert.Equal(Cgzf, department.GetProperty("id").GetString());
        Assert.Equal(Street, department.GetProperty("areaId").GetString());
        Assert.True(department.GetProperty("indicators").GetProperty("DP01").GetDouble() >= 1);
        var dp02 = department.GetProperty("counts").GetProperty("DP02");
        Assert.True(dp02.GetProperty("numerator").GetInt64() >= 1 && dp02.GetProperty("denominator").GetInt64() >= 1, dp02.ToString());
        Assert.Equal(["DP01", "DP02", "DP03", "DP04", "DP05", "DP06", "DP07"], department.GetProperty("indicators").EnumerateObject().Select(p => p.Name));

        var ranking = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Street}/departments");
        var ranked = ranking.GetProperty("departments").EnumerateArray().ToList();
        Assert.Equal(Street, ranking.GetProperty("areaId").GetString());
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(d => d.GetProperty("rank").GetInt32()));
        Assert.Contains(ranked, d => d.GetProperty("id").GetString() == Zj);
        // Departments of another street only (its 街道站所) are not in this street's ranking.
        Assert.DoesNotContain(ranked, d => d.GetProperty("id").GetString() == "610602002-pcs");

        var area = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Grid}");
        var board = area.GetProperty("openWhistles").EnumerateArray().Single(w => w.GetProperty("caseId").GetString() == caseId);
        Assert.Equal([Zj], board.GetProperty("pending").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([Cgzf], board.GetProperty("arrived").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(30, board.GetProperty("limitMinutes").GetInt32());
        Assert.True(area.GetProperty("departments").GetProperty(Cgzf).GetProperty("indicators").GetProperty("DP01").GetDouble() >= 1);
        Assert.True(area.GetProperty("indicators").TryGetProperty("EV14", out _));
    }

    [Fact]
    public async Task An_unknown_department_is_not_found()
    {
        using var http = Host.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/departments/nobody")).StatusCode);
    }
}
