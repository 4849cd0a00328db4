namespace CityScreen.Domain.Departments;

/// <summary>A reference data file (departments, holidays) that cannot be used; the message names the file and the field.</summary>
public sealed class ReferenceDataException(string file, string field, string problem)
    : Exception($"{file}: {field} {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
}
