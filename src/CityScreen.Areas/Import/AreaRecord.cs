using NetTopologySuite.Geometries;

namespace CityScreen.Areas.Import;

/// <summary>An area while the tree is being put together: read from a feature, or synthesized for a missing parent.</summary>
internal sealed class AreaRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required AreaLevel Level { get; init; }

    public required string? ParentId { get; set; }

    public required Geometry Boundary { get; init; }

    public required AreaProfile Profile { get; set; }

    /// <summary>Null when synthesized from the union of its children.</summary>
    public required FeatureOrigin? Origin { get; init; }

    public List<AreaRecord> Children { get; } = [];
}

/// <summary>Where a record came from, with the property names its file uses, for error messages.</summary>
internal sealed record FeatureOrigin(string FileName, int FeatureIndex, AreaFileOptions Options)
{
    public AreaImportException Error(string property, string problem) =>
        new(FileName, FeatureIndex, property, problem);

    public override string ToString() => $"{FileName} feature #{FeatureIndex}";
}
