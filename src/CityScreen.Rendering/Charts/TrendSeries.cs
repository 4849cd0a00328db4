namespace CityScreen.Rendering.Charts;

/// <summary>One line of a trend chart, one value per time bucket; <paramref name="ColorHex"/> like "#22d3ee".</summary>
public sealed record TrendSeries(string Label, IReadOnlyList<double> Values, string ColorHex);
