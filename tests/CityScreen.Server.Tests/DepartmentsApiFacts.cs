using System.Net;
using System.Net.Http.Json;
using System.Text;
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
        Assert.Equal("城管执法局", cgzf.GetProperty("shortName").GetString());
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
    public async Task A_departments_whistle_cases_are_listed_filtered_and_exported_and_its_pages_link_to_it()
    {
        var caseId = $"AJ-dcase-{Guid.NewGuid():N}";
        using var http = Host.Client();
        await http.PostAsync("/api/events", Json(Batch(
            Reported($"{caseId}-1", caseId), Filed($"{caseId}-2", caseId), Whistled($"{caseId}-3", caseId, Cgzf, Zj), RespondedBy($"{caseId}-4", caseId, Cgzf))));
        await Host.PassMarkerAsync(Street);

        var all = await http.GetFromJsonAsync<JsonElement[]>($"/api/departments/{Zj}/cases?areaId={Street}");
        var row = all!.Single(c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal(Grid, row.GetProperty("gridId").GetString());
        Assert.Equal(30, row.GetProperty("limitMinutes").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("onTime").ValueKind);
        var arrived = (await http.GetFromJsonAsync<JsonElement[]>($"/api/departments/{Cgzf}/cases?areaId={Grid}"))!.Single(c => c.GetProperty("caseId").GetString() == caseId);
        Assert.True(arrived.GetProperty("onTime").GetBoolean());
        // Not late (yet): the late-only filter leaves it out.
        Assert.DoesNotContain((await http.GetFromJsonAsync<JsonElement[]>($"/api/departments/{Zj}/cases?areaId={Street}&late=true"))!,
            c => c.GetProperty("caseId").GetString() == caseId);
        var csvBytes = await http.GetByteArrayAsync($"/api/departments/{Zj}/cases?areaId={Street}&format=csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        Assert.StartsWith("\uFEFF案件编号,标题", Encoding.UTF8.GetString(csvBytes));
        Assert.Contains($"{caseId},延河路口垃圾堆积,市容环境", Encoding.UTF8.GetString(csvBytes));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/departments/{Zj}/cases?areaId={Street}&from=2026-02-30")).StatusCode);

        var page = await http.GetStringAsync($"/explore/department/{Zj}?area={Street}");
        var areaPage = await http.GetStringAsync($"/explore/{Street}");
        Assert.Contains("按时报到率", page);
        Assert.Contains($"data-case-id=\"{caseId}\"", page);
        Assert.Contains($"href=\"/explore/department/{Cgzf}?area={Street}\"", areaPage);
    }

    [Fact]
    public async Task An_unknown_department_is_not_found()
    {
        using var http = Host.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/departments/nobody")).StatusCode);
    }
}
