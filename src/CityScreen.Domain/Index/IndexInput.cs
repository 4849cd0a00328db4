namespace CityScreen.Domain.Index;

/// <summary>
/// One count the nightly job keeps per grid, named in the model so that indicators can only be
/// built from counts that exist. <see cref="WindowDays"/> is how far back a flow or distinct count
/// looks; a stock has none.
/// </summary>
public sealed record IndexInput(string Id, string Name, InputKind Kind, int? WindowDays);
