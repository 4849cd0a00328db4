using CityScreen.Contracts.Events;

namespace CityScreen.Storage.Events;

/// <summary>
/// What became of one append: the events that were new (with their seq) and how many were resends
/// of stored ones; or, when <see cref="Conflicts"/> is not empty, nothing stored at all.
/// </summary>
public sealed record AppendResult(IReadOnlyList<CityEvent> Stored, int Duplicates)
{
    /// <summary>The events the store refused, by their position in the request; when any, the request stored nothing.</summary>
    public IReadOnlyList<AppendConflict> Conflicts { get; init; } = [];

    public static AppendResult Refused(IReadOnlyList<AppendConflict> conflicts) => new([], 0) { Conflicts = conflicts };
}
