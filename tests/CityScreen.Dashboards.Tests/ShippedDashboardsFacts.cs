using CityScreen.Dashboards.Catalog;
using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Tests;

/// <summary>The layouts in the repository's <c>dashboards/</c>, as the server will load them.</summary>
public class ShippedDashboardsFacts : IDisposable
{
    // The streets of the demo tree (the six urban streets of 宝塔区), as the server loads them.
    private static readonly IReadOnlySet<string> DemoStreets = System.Text.Json.JsonDocument
        .Parse(File.ReadAllText(RepositoryRoot.Combine("seed-data", "areas", "baota-generated.geojson")))
        .RootElement.GetProperty("features").EnumerateArray()
        .Select(f => f.GetProperty("properties"))
        .Where(p => p.GetProperty("level").GetString() == "street")
        .Select(p => p.GetProperty("adcode").ToString())
        .ToHashSet();

    private readonly DashboardCatalog _catalog = new(RepositoryRoot.Combine("dashboards"),
        new DashboardOptions { IsKnownArea = DemoStreets.Contains });

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Every_file_loads_without_errors()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("dashboards"), "*.json").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Empty(_catalog.Errors.Select(e => e.ToString()));
        Assert.Equal(files, _catalog.Layouts.Keys.Concat(_catalog.Rotations.Keys).Order());
    }

    [Theory]
    [InlineData("city-wall", 1920, 1080)]
    [InlineData("city-wall-4k", 3840, 2160)]
    [InlineData("street", 1920, 1080)]
    [InlineData("community", 1920, 1080)]
    [InlineData("grid", 1920, 1080)]
    [InlineData("co-building", 1920, 1080)]
    public void Layout_is_there_on_its_canvas(string id, int width, int height)
    {
        Assert.Equal(new CanvasSize(width, height), _catalog.GetLayout(id).Canvas);
    }

    [Theory]
    [InlineData("street")]
    [InlineData("community")]
    [InlineData("grid")]
    [InlineData("co-building")]
    public void Drill_down_pages_show_the_area_of_the_page(string id)
    {
        var layout = _catalog.GetLayout(id);

        Assert.Equal(AreaReference.Current, layout.Area);
        Assert.All(layout.Panels, p => Assert.Null(p.Area));
    }

    [Fact]
    public void City_wall_and_its_co_building_page_have_every_panel_type_between_them()
    {
        var types = _catalog.GetLayout("city-wall").Panels.Concat(_catalog.GetLayout("co-building").Panels).Select(p => p.Type).ToHashSet();

        Assert.Equal(Enum.GetValues<PanelType>().ToHashSet(), types);
    }

    [Fact]
    public void City_wall_4K_is_the_city_wall_at_twice_the_size()
    {
        var hd = _catalog.GetLayout("city-wall");
        var uhd = _catalog.GetLayout("city-wall-4k");

        Assert.Equal(hd.Panels.Count, uhd.Panels.Count);
        foreach (var (a, b) in hd.Panels.Zip(uhd.Panels))
        {
            Assert.Equal((a.Id, a.Type, a.Options.TextLines), (b.Id, b.Type, b.Options.TextLines));
            Assert.Equal((a.X * 2, a.Y * 2, a.W * 2, a.H * 2), (b.X, b.Y, b.W, b.H));
        }
    }

    [Fact]
    public void Rotation_starts_with_the_city_wall_and_its_co_building_page_then_visits_every_street()
    {
        Assert.True(_catalog.TryGetRotation("rotation", out var rotation));

        Assert.Equal("city-wall", rotation.Pages[0].Layout);
        Assert.Null(rotation.Pages[0].Area);
        Assert.Equal("co-building", rotation.Pages[1].Layout);
        Assert.Null(rotation.Pages[1].Area);
        Assert.All(rotation.Pages.Skip(2), p => Assert.Equal("street", p.Layout));
        Assert.Equal(DemoStreets, rotation.Pages.Skip(2).Select(p => p.Area!).ToHashSet());
        Assert.Equal(rotation.Pages.Count - 2, DemoStreets.Count);
        Assert.NotNull(rotation.Takeover);
    }

    [Fact]
    public void Rotation_dwells_on_every_page()
    {
        Assert.True(_catalog.TryGetRotation("rotation", out var rotation));

        Assert.All(rotation.Pages, p => Assert.InRange(p.DwellIn(_catalog.GetLayout(p.Layout)), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)));
    }
}
