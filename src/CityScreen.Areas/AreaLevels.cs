namespace CityScreen.Areas;

public static class AreaLevels
{
    /// <summary>The spelling used in JSON and the API: <c>city</c>, <c>district</c>, <c>street</c>, <c>community</c>, <c>grid</c>.</summary>
    public static string ToApiName(this AreaLevel level) => level switch
    {
        AreaLevel.City => "city",
        AreaLevel.District => "district",
        AreaLevel.Street => "street",
        AreaLevel.Community => "community",
        AreaLevel.Grid => "grid",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown area level."),
    };

    /// <summary>
    /// Reads the API spelling or the Chinese one. Towns and townships (镇/乡) sit where streets do and
    /// villages (村) where communities do. DataV's <c>province</c> and <c>country</c> are above the screen's
    /// tree and are rejected.
    /// </summary>
    public static bool TryParse(string? s, out AreaLevel level)
    {
        AreaLevel? parsed = s?.Trim().ToLowerInvariant() switch
        {
            "city" or "市" => AreaLevel.City,
            "district" or "区" or "县" => AreaLevel.District,
            "street" or "街道" or "镇" or "乡" => AreaLevel.Street,
            "community" or "社区" or "村" => AreaLevel.Community,
            "grid" or "网格" => AreaLevel.Grid,
            _ => null,
        };
        level = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    internal static IEnumerable<AreaLevel> BottomUp() => Enum.GetValues<AreaLevel>().Reverse();
}
