using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Time;
using CityScreen.Simulator.Cases;

namespace CityScreen.Simulator;

/// <summary>
/// The reference files the simulator reads: the departments a street can summon, the holiday calendar and the service sites.
/// A configured path is read from the current directory, else next to the program (where hosts copy
/// seed-data); no path means the demo district's files, built into the simulator.
/// </summary>
internal static class SeedFiles
{
    public static IReadOnlyList<SimulatedDepartment> Departments(string? path) =>
        Read(path, "departments.json", DepartmentDirectory.Parse);

    /// <summary>The holiday calendar as the server reads it (<see cref="WorkingCalendar"/>), in the city's zone.</summary>
    public static WorkingCalendar Holidays(string? path, TimeZoneInfo zone) =>
        Read(path, "holidays.json", (json, name) => WorkingCalendar.Read(json, name, zone));

    /// <summary>The service sites; the caller keeps those of its own communities.</summary>
    public static IReadOnlyList<ServiceSite> Sites(string? path) =>
        Read(path, "service-sites.json", (json, name) => ServiceSiteDirectory.Read(json, name, _ => true).All);

    private static T Read<T>(string? path, string builtIn, Func<Stream, string, T> parse)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            using var resource = typeof(SeedFiles).Assembly.GetManifestResourceStream($"CityScreen.Simulator.{builtIn}")
                ?? throw new InvalidOperationException($"the built-in {builtIn} is missing");
            return parse(resource, $"seed-data/{builtIn}");
        }
        var full = Path.IsPathRooted(path) || File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        if (!File.Exists(full)) throw new FileNotFoundException($"the simulator's file '{path}' was not found", path);
        using var file = File.OpenRead(full);
        return parse(file, path);
    }
}
