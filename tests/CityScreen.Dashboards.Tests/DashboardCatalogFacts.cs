using System.Text.Json.Nodes;
using CityScreen.Dashboards.Catalog;

namespace CityScreen.Dashboards.Tests;

public class DashboardCatalogFacts : IDisposable
{
    private readonly TempDashboardDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Rotation(params string[] layouts) => new JsonObject
    {
        ["id"] = "rotation",
        ["pages"] = new JsonArray(layouts.Select(l => (JsonNode)new JsonObject { ["layout"] = l }).ToArray()),
        ["takeover"] = new JsonObject { ["seconds"] = 30 },
    }.ToJsonString();

    [Fact]
    public void Ctor_loads_layouts_and_rotations_by_id()
    {
        _dir.Write("city-wall.json", SampleLayout.Json("city-wall").ToJsonString());
        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString());
        _dir.Write("rotation.json", Rotation("city-wall", "street"));

        using var catalog = new DashboardCatalog(_dir.Path);

        Assert.Empty(catalog.Errors);
        Assert.Equal(["city-wall", "street"], catalog.Layouts.Keys.Order());
        Assert.True(catalog.TryGetRotation("rotation", out var rotation));
        Assert.Equal(["city-wall", "street"], rotation.Pages.Select(p => p.Layout));
        Assert.Equal(30, rotation.Takeover!.Seconds);
        Assert.Equal("street", catalog.GetLayout("street").Id);
    }

    [Fact]
    public void Reload_picks_up_an_edit()
    {
        _dir.Write("street.json", SampleLayout.WithTitle("street", "旧标题"));
        using var catalog = new DashboardCatalog(_dir.Path);

        _dir.Write("street.json", SampleLayout.WithTitle("street", "新标题"));
        var set = catalog.Reload();

        Assert.Equal("新标题", catalog.GetLayout("street").Title);
        Assert.Same(set, catalog.Current);
    }

    [Fact]
    public void Reload_keeps_the_last_good_layout_when_the_file_turns_invalid()
    {
        _dir.Write("street.json", SampleLayout.WithTitle("street", "街道"));
        using var catalog = new DashboardCatalog(_dir.Path);

        _dir.Write("street.json", "{ \"id\": \"street\", ");
        catalog.Reload();

        Assert.Equal("街道", catalog.GetLayout("street").Title);
        Assert.Contains("street", catalog.Current.KeptLastGood);
        var error = Assert.Single(catalog.Errors);
        Assert.Equal("dashboards/street.json", error.File);
        Assert.StartsWith("is not valid JSON", error.Message);
    }

    [Fact]
    public void Reload_reports_a_file_that_was_never_valid_and_serves_the_others()
    {
        var bad = SampleLayout.Json("grid");
        bad.PanelAt(0)["w"] = 5000;
        _dir.Write("grid.json", bad.ToJsonString());
        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString());

        using var catalog = new DashboardCatalog(_dir.Path);

        Assert.False(catalog.TryGetLayout("grid", out _));
        Assert.True(catalog.TryGetLayout("street", out _));
        Assert.Contains(catalog.Errors, e => e.ToString().StartsWith("dashboards/grid.json: $.panels[0].w: the panel ends at x = 5000", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_drops_a_deleted_file()
    {
        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString());
        using var catalog = new DashboardCatalog(_dir.Path);

        _dir.Delete("street.json");
        catalog.Reload();

        Assert.Empty(catalog.Layouts);
        Assert.Empty(catalog.Errors);
    }

    [Fact]
    public void Reload_checks_the_layouts_a_rotation_names()
    {
        _dir.Write("city-wall.json", SampleLayout.Json("city-wall").ToJsonString());
        _dir.Write("rotation.json", Rotation("city-wall", "stret"));

        using var catalog = new DashboardCatalog(_dir.Path);

        Assert.False(catalog.TryGetRotation("rotation", out _));
        var error = Assert.Single(catalog.Errors);
        Assert.Equal("dashboards/rotation.json", error.File);
        Assert.Equal("$.pages[1].layout", error.Path);
        Assert.StartsWith("there is no valid layout 'stret'", error.Message);
    }

    [Fact]
    public void Reload_keeps_the_last_good_rotation_when_it_names_a_layout_that_is_gone()
    {
        _dir.Write("city-wall.json", SampleLayout.Json("city-wall").ToJsonString());
        _dir.Write("rotation.json", Rotation("city-wall"));
        using var catalog = new DashboardCatalog(_dir.Path);

        _dir.Write("rotation.json", Rotation("city-wall", "street"));
        catalog.Reload();

        Assert.True(catalog.TryGetRotation("rotation", out var rotation));
        Assert.Single(rotation.Pages);
        Assert.Contains("rotation", catalog.Current.KeptLastGood);
    }

    [Fact]
    public void Reload_raises_changed_with_the_new_set()
    {
        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString());
        using var catalog = new DashboardCatalog(_dir.Path);
        DashboardSet? seen = null;
        catalog.Changed += (_, set) => seen = set;

        var set = catalog.Reload();

        Assert.Same(set, seen);
        Assert.True(set.Version > 1);
    }

    [Fact]
    public void Catalog_reads_only_files_directly_in_the_directory()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "nested"));
        File.WriteAllText(Path.Combine(_dir.Path, "nested", "secret.json"), SampleLayout.Json("secret").ToJsonString());
        File.WriteAllText(Path.Combine(_dir.Path, "..", "outside.json"), SampleLayout.Json("outside").ToJsonString());

        using var catalog = new DashboardCatalog(_dir.Path);

        Assert.Empty(catalog.Layouts);
        Assert.False(catalog.TryGetLayout("secret", out _));
        Assert.False(catalog.TryGetLayout("outside", out _));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("..")]
    [InlineData("nested/secret")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\outside")]
    [InlineData("street.json")]
    [InlineData("STREET")]
    [InlineData("")]
    public void Lookups_refuse_ids_that_could_reach_another_path(string id)
    {
        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString());
        using var catalog = new DashboardCatalog(_dir.Path);

        Assert.False(catalog.TryGetLayout(id, out _));
        Assert.False(catalog.TryGetRotation(id, out _));
        Assert.Throws<ArgumentException>(() => catalog.GetLayout(id));
    }

    [Fact]
    public void Catalog_reports_files_whose_name_is_not_an_id()
    {
        _dir.Write("Street.json", SampleLayout.Json("street").ToJsonString());

        using var catalog = new DashboardCatalog(_dir.Path);

        var error = Assert.Single(catalog.Errors);
        Assert.Equal("dashboards/Street.json", error.File);
        Assert.Empty(catalog.Layouts);
    }

    [Fact]
    public void Catalog_reports_a_missing_directory_without_throwing()
    {
        using var catalog = new DashboardCatalog(Path.Combine(_dir.Path, "absent"));

        var error = Assert.Single(catalog.Errors);
        Assert.Equal("absent", error.File);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Catalog_refuses_an_oversized_file_keeping_its_last_good_version()
    {
        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString());
        using var catalog = new DashboardCatalog(_dir.Path, new DashboardOptions { MaxFileBytes = 4096 });

        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString() + new string(' ', 5000));
        catalog.Reload();

        Assert.True(catalog.TryGetLayout("street", out _));
        Assert.Contains("more than the 4096", Assert.Single(catalog.Errors).Message);
    }

    [Fact]
    public async Task Watching_picks_up_an_edit_then_keeps_the_last_good_layout_when_the_edit_is_invalid()
    {
        _dir.Write("street.json", SampleLayout.WithTitle("street", "第一版"));
        var options = new DashboardOptions { ReloadDebounce = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.Zero };
        using var catalog = new DashboardCatalog(_dir.Path, options);
        catalog.StartWatching();

        _dir.Write("street.json", SampleLayout.WithTitle("street", "第二版"));
        await Eventually.HoldsAsync(() => catalog.TryGetLayout("street", out var l) && l.Title == "第二版", "the edit to be picked up");

        var broken = SampleLayout.Json("street");
        broken["title"] = "第三版";
        broken.PanelAt(1)["type"] = "gauge";
        _dir.Write("street.json", broken.ToJsonString());
        await Eventually.HoldsAsync(() => catalog.Errors.Count > 0, "the invalid edit to be reported");

        Assert.Equal("第二版", catalog.GetLayout("street").Title);
        var error = Assert.Single(catalog.Errors);
        Assert.Equal("dashboards/street.json: $.panels[1].type", $"{error.File}: {error.Path}");
    }

    [Fact]
    public async Task Watching_picks_up_a_new_file()
    {
        var options = new DashboardOptions { ReloadDebounce = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.Zero };
        using var catalog = new DashboardCatalog(_dir.Path, options);
        catalog.StartWatching();

        _dir.Write("grid.json", SampleLayout.Json("grid").ToJsonString());

        await Eventually.HoldsAsync(() => catalog.TryGetLayout("grid", out _), "the new file to be loaded");
    }

    [Fact]
    public void Polling_picks_up_a_change_that_no_notice_reported()
    {
        _dir.Write("street.json", SampleLayout.WithTitle("street", "第一版"));
        var time = new ManualClock(DateTimeOffset.UtcNow);
        var options = new DashboardOptions { ReloadDebounce = TimeSpan.FromHours(1), PollInterval = TimeSpan.FromMinutes(1) };
        using var catalog = new DashboardCatalog(_dir.Path, options, time);
        catalog.StartWatching();
        var before = catalog.Current.Version;

        _dir.Write("street.json", SampleLayout.WithTitle("street", "第二版"));
        Assert.Single(time.Timers, t => t.IsPeriodic).Fire();

        Assert.Equal("第二版", catalog.GetLayout("street").Title);
        Assert.Equal(before + 1, catalog.Current.Version);
    }

    [Fact]
    public void Polling_changes_nothing_when_no_file_changed()
    {
        _dir.Write("street.json", SampleLayout.Json("street").ToJsonString());
        var time = new ManualClock(DateTimeOffset.UtcNow);
        using var catalog = new DashboardCatalog(_dir.Path, new DashboardOptions(), time);
        catalog.StartWatching();
        var raised = 0;
        catalog.Changed += (_, _) => raised++;
        var before = catalog.Current;

        Assert.Single(time.Timers, t => t.IsPeriodic).Fire();

        Assert.Same(before, catalog.Current);
        Assert.Equal(0, raised);
    }
}
