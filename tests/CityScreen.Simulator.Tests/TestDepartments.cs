namespace CityScreen.Simulator.Tests;

/// <summary>The demo district's departments file (seed-data/departments.json), as the simulator reads it.</summary>
public static class TestDepartments
{
    public static readonly IReadOnlyDictionary<string, SimulatedDepartment> ById =
        SeedFiles.Departments(null).ToDictionary(d => d.Id);

    /// <summary>Receivers of ordinary dispatches that are not departments, named as before.</summary>
    public static readonly IReadOnlySet<string> NotDepartments = new HashSet<string> { "社区居委会", "物业服务企业", "网格党支部" };

    public static bool Serves(string departmentId, string streetId) =>
        ById.TryGetValue(departmentId, out var d) && d.Streets.Contains(streetId);
}
