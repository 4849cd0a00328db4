using CityScreen.Domain.Departments;
using CityScreen.Domain.Ingest;
using CityScreen.Domain.Time;

namespace CityScreen.Domain.Tests.Workflow;

/// <summary>The departments and holidays the product ships, read from the repository's seed-data.</summary>
internal static class SeedReference
{
    public const string Cgzf = "610602-cgzf";   // 城管执法
    public const string Zj = "610602-zj";       // 住建
    public const string Street = "610602001";

    public static string File(string name) => Path.Combine(RepositoryRoot(), "seed-data", name);

    /// <summary>Every street id of the demo district counts as a street (the area tree is not loaded here).</summary>
    public static DepartmentDirectory Departments { get; } = DepartmentDirectory.Load(File("departments.json"), id => id.StartsWith("610602", StringComparison.Ordinal));

    public static WorkingCalendar Calendar { get; } = WorkingCalendar.Load(File("holidays.json"), TestClock.Shanghai.Zone);

    public static EventReference Reference { get; } = new(Departments, Calendar);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no CityScreen.sln above {AppContext.BaseDirectory}");
    }
}
