namespace CityScreen.Dashboards.Panels;

/// <summary>
/// 爱心积分: the area's top contributors by points awarded in 30 days, with what they redeemed,
/// names masked by the server (张*); <see cref="Rows"/> of them, at most as many as an area keeps.
/// </summary>
public sealed record LovePointsOptions(int Rows) : PanelOptions
{
    public const int DefaultRows = 8;

    /// <summary>An area keeps its top 20 contributors (LovePointCounters.Kept), so no board shows more.</summary>
    public const int MaxRows = 20;

    /// <summary>A column header and one line per row.</summary>
    public override int TextLines => 1 + Rows;
}
