namespace CityScreen.Areas;

/// <summary>
/// One GeoJSON file of areas and the names of its properties. The defaults read DataV GeoAtlas files
/// (<c>adcode</c>, <c>name</c>, <c>level</c>, <c>parent: {adcode}</c>) as they are.
/// </summary>
public sealed class AreaFileOptions
{
    /// <summary>The file; a relative path is resolved against the loader's base directory.</summary>
    public string Path { get; set; } = "";

    public string IdProperty { get; set; } = "adcode";

    public string NameProperty { get; set; } = "name";

    public string LevelProperty { get; set; } = "level";

    /// <summary>A dotted path goes into nested objects: <c>parent.adcode</c> reads <c>{"parent": {"adcode": 610600}}</c>.</summary>
    public string ParentProperty { get; set; } = "parent.adcode";

    /// <summary>The level of every feature, for files without a level property (it then takes precedence).</summary>
    public string? Level { get; set; }
}
