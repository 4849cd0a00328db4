namespace CityScreen.Dashboards.Panels;

/// <summary>Flip counters, one per indicator, in <see cref="Columns"/> columns, each with its change against yesterday.</summary>
public sealed record KpiOptions(IReadOnlyList<string> Indicators, int Columns) : PanelOptions
{
    public const int DefaultColumns = 2;

    public int Rows => (Indicators.Count + Columns - 1) / Columns;

    /// <summary>A title strip, then per row of counters three lines: the name, the number, the change.</summary>
    public override int TextLines => 1 + 3 * Rows;
}
