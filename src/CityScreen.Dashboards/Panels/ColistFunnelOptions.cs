namespace CityScreen.Dashboards.Panels;

/// <summary>
/// The three lists of 共驻共建 as a funnel: needs listed, resources offered, projects published, claimed
/// and completed, each with its count, and the need–resource match rate NR01; no options.
/// </summary>
public sealed record ColistFunnelOptions : PanelOptions
{
    /// <summary>A title strip, five stages (a label and a large number each, counted as one line) and the match rate (two lines).</summary>
    public override int TextLines => 8;
}
