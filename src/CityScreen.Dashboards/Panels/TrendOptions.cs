namespace CityScreen.Dashboards.Panels;

/// <summary>A line chart of case flows: per hour over 48 hours (<c>trend48h</c>) or per day over 30 days (<c>trend30d</c>).</summary>
public sealed record TrendOptions(IReadOnlyList<CaseFlow> Series) : PanelOptions
{
    /// <summary>Title, legend, tick labels and a plot still tall enough to read a slope: eight lines.</summary>
    public override int TextLines => 8;
}
