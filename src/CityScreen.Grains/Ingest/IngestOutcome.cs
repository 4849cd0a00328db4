using CityScreen.Domain.Ingest;

namespace CityScreen.Grains.Ingest;

/// <summary>
/// What became of one ingest request: accepted (with duplicates counted) or refused with its errors;
/// <see cref="IsConflict"/> when they contradict what is stored (an id resent with other content, a
/// case another request bound elsewhere a moment ago) rather than being malformed.
/// </summary>
public sealed record IngestOutcome(int Accepted, int Duplicates, ValidationErrors? Errors, bool IsConflict = false)
{
    public bool IsValid => Errors is null || Errors.IsEmpty;

    /// <summary>When <see cref="IsConflict"/>: the positions of the items that contradict the store.</summary>
    public IReadOnlyList<int> ConflictingItems { get; init; } = [];
}
