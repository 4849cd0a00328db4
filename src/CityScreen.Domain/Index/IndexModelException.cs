namespace CityScreen.Domain.Index;

/// <summary>
/// An index model that cannot be used. Each error reads "source: JSON path: what is wrong", so the
/// person editing the file finds the line without reading code.
/// </summary>
public sealed class IndexModelException(IReadOnlyList<string> errors)
    : FormatException(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
