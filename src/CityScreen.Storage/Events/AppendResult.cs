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

    /// <summary>
    /// The cases this append bound to their area: no step of them was committed before it, so a
    /// ledger that does not hold one has forgotten nothing of it and need not read it back.
    /// </summary>
    public IReadOnlySet<string> OpenedCases { get; init; } = EmptyCases;

    private static readonly IReadOnlySet<string> EmptyCases = new HashSet<string>(StringComparer.Ordinal);

    public static AppendResult Refused(IReadOnlyList<AppendConflict> conflicts) => new([], 0) { Conflicts = conflicts };
}
