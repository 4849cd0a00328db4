using CityScreen.Areas;
using CityScreen.Areas.Generation;
using CityScreen.Simulator;

namespace CityScreen.Benchmarks;

/// <summary>The megacity tree (or a small one with <c>--quick</c>) as a GeoJSON file in a temporary directory.</summary>
public sealed class Megacity : IDisposable
{
    private Megacity(string directory, MegacitySize size)
    {
        Directory = directory;
        Size = size;
        File.WriteAllBytes(FilePath, MegacityGenerator.Write(size));
        Tree = AreaTreeLoader.Load([new AreaFileOptions { Path = FilePath }], directory, ParentNames);
    }

    public static IReadOnlyDictionary<string, string> ParentNames { get; } =
        new Dictionary<string, string> { [MegacityGenerator.CityId] = MegacityGenerator.CityName };

    public string Directory { get; }
    public string FilePath => Path.Combine(Directory, "megacity.geojson");
    public MegacitySize Size { get; }
    public AreaTree Tree { get; }

    public static Megacity Create(bool quick) =>
        new(System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityscreen-megacity-" + Guid.NewGuid().ToString("N"))).FullName,
            quick ? new MegacitySize(2, 4, 20, 200) : MegacitySize.Full);

    /// <summary>Host arguments that make the city this tree instead of the demo city.</summary>
    public string[] HostArgs() =>
    [
        "--CityScreen:Areas:Files:0", FilePath,
        "--CityScreen:Areas:Files:1", "",
        $"--CityScreen:Areas:ParentNames:{MegacityGenerator.CityId}", MegacityGenerator.CityName,
        // The demo district's departments serve streets this generated city does not have.
        "--CityScreen:Departments:File", NoDepartmentsFile(),
        // Likewise its service sites stand in communities of the demo district.
        "--CityScreen:Departments:SitesFile", NoSitesFile(),
    ];

    private string NoSitesFile()
    {
        var path = Path.Combine(Path.GetDirectoryName(FilePath)!, "service-sites.json");
        File.WriteAllText(path, """{"sites": []}""");
        return path;
    }

    private string NoDepartmentsFile()
    {
        var path = Path.Combine(Path.GetDirectoryName(FilePath)!, "departments.json");
        File.WriteAllText(path, """{"departments": []}""");
        return path;
    }

    /// <summary>The grids as the simulator places events in them.</summary>
    public IReadOnlyList<SimulatedArea> SimulatedGrids() => Grids(Tree);

    public static IReadOnlyList<SimulatedArea> Grids(AreaTree tree) =>
        tree.AtLevel(AreaLevel.Grid).Select(g => new SimulatedArea(g.Id, g.ParentId!, g.Center.Lon, g.Center.Lat, g.Profile.Households, g.Profile.MembersExpected)).ToList();

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
