namespace CityScreen.Domain.Index;

/// <summary>
/// The development index model (docs/domain.md §4) as loaded from data by <see cref="IndexModelLoader"/>:
/// already validated, with the AHP matrix analysed and accepted (CR &lt; 0.1).
/// </summary>
public sealed record IndexModel(
    string Version,
    IReadOnlyList<IndexInput> Inputs,
    IReadOnlyList<IndexDimension> Dimensions,
    AhpResult Ahp,
    GradeScale Grades)
{
    public IEnumerable<SubIndicator> Indicators => Dimensions.SelectMany(d => d.Indicators);

    public SubIndicator Indicator(string id) =>
        Indicators.FirstOrDefault(i => i.Id == id) ?? throw new KeyNotFoundException($"indicator '{id}' is not in model {Version}");
}
