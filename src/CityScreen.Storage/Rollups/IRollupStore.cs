using CityScreen.Domain.Rollups;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// The daily rollups per leaf and day, the days that must be recomputed, and the job's cursor
/// into the event log.
/// </summary>
public interface IRollupStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The sequence up to which stored events have been looked at for the days they change; 0 at first.</summary>
    Task<long> CursorAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that <paramref name="days"/> must be recomputed and moves the cursor to
    /// <paramref name="cursor"/>, in one transaction: after a crash either both happened or neither,
    /// so no late event is missed and none is looked at twice.
    /// </summary>
    Task MarkDirtyAsync(IReadOnlyCollection<(string LeafId, DateOnly Date)> days, long cursor, CancellationToken cancellationToken = default);

    /// <summary>The days marked for recomputation up to <paramref name="upTo"/>.</summary>
    Task<IReadOnlyList<(string LeafId, DateOnly Date)>> DirtyDaysAsync(DateOnly upTo, CancellationToken cancellationToken = default);

    /// <summary>
    /// Upserts the rollups and clears their dirty marks in one transaction. Returns those whose
    /// counts or sets differ from what was stored (a new one counts as changed).
    /// </summary>
    Task<IReadOnlyList<DailyRollup>> SaveAsync(IReadOnlyCollection<DailyRollup> rollups, CancellationToken cancellationToken = default);

    /// <summary>Records that every leaf has its rollup for <paramref name="dates"/>.</summary>
    Task MarkRolledUpAsync(IEnumerable<DateOnly> dates, bool simulated, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The days rolled up for every leaf, in date order.</summary>
    Task<IReadOnlyList<RolledUpDay>> RolledUpDaysAsync(CancellationToken cancellationToken = default);

    /// <summary>Every leaf's rollups from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    IAsyncEnumerable<DailyRollup> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>One leaf's rollup of one day, or null.</summary>
    Task<DailyRollup?> ReadAsync(string leafId, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>A small named value the job keeps (for example where the demo's index history starts).</summary>
    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default);

    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);
}
