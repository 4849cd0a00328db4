namespace CityScreen.Simulator;

/// <summary>
/// A functional department (职能部门) a street can summon (街道吹哨、部门报到), as the departments file lists it:
/// a district department (区直部门) serves every street, a street station (街道站所) only its own.
/// </summary>
public sealed record SimulatedDepartment(string Id, string Name, string Kind, bool StreetLevel, IReadOnlyList<string> Streets);
