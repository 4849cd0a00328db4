namespace CityScreen.Storage.Rollups;

/// <summary>
/// The stored events a rollup computation reads: every event of a leaf that occurred from
/// <see cref="From"/>, and its 12345 reports from <see cref="HotlineFrom"/> (repeat complaints look
/// back 30 days). The sequence floors let the reads walk the (area, seq) index from the first event
/// received at those times rather than the leaf's whole history.
/// </summary>
public sealed record EventWindow(DateTimeOffset From, long FromSeq, DateTimeOffset HotlineFrom, long HotlineFromSeq);
