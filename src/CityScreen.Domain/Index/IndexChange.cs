namespace CityScreen.Domain.Index;

/// <summary>The change of an index since the day before.</summary>
public static class IndexChange
{
    /// <summary>today − yesterday, or null when either day has no index (a new area, a first night).</summary>
    public static double? Since(double? today, double? yesterday) => today - yesterday;
}
