namespace CityScreen.Areas;

/// <summary>
/// Area data that cannot be loaded. The message names the file, the feature (0-based) and the property,
/// e.g. <c>seed-data/x.geojson: feature #3: property 'adcode' is missing</c>, so the person who owns the
/// file can fix it without reading code.
/// </summary>
public sealed class AreaImportException : Exception
{
    public AreaImportException(string fileName, int? featureIndex, string? property, string problem, Exception? innerException = null)
        : base(Describe(fileName, featureIndex, property, problem), innerException)
    {
        FileName = fileName;
        FeatureIndex = featureIndex;
        Property = property;
    }

    public string FileName { get; }

    /// <summary>Null when the problem is with the whole file.</summary>
    public int? FeatureIndex { get; }

    /// <summary>The property as configured (<c>adcode</c>, <c>parent.adcode</c>, <c>geometry</c>, ...), or null.</summary>
    public string? Property { get; }

    private static string Describe(string fileName, int? featureIndex, string? property, string problem)
    {
        var where = featureIndex is { } index ? $"{fileName}: feature #{index}" : fileName;
        return property is null ? $"{where}: {problem}" : $"{where}: property '{property}' {problem}";
    }
}
