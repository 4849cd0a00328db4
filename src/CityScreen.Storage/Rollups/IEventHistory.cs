using CityScreen.Contracts.Events;

namespace CityScreen.Storage.Rollups;

/// <summary>The reads of the event log the nightly job makes (the ingest path never uses these).</summary>
public interface IEventHistory
{
    /// <summary>The sequence of the last stored event, 0 when the store is empty.</summary>
    Task<long> LastSeqAsync(CancellationToken cancellationToken = default);

    /// <summary>When the earliest stored event occurred; null for an empty store.</summary>
    Task<DateTimeOffset?> FirstOccurredAtAsync(CancellationToken cancellationToken = default);

    /// <summary>When the last stored event occurred (the simulator's backfill has finished once this is recent).</summary>
    Task<DateTimeOffset?> LastStoredOccurredAtAsync(CancellationToken cancellationToken = default);

    /// <summary>Events stored after <paramref name="afterSeq"/> up to <paramref name="upToSeq"/>, in store order.</summary>
    IAsyncEnumerable<EventHead> ReadHeadsAsync(long afterSeq, long upToSeq, CancellationToken cancellationToken = default);

    /// <summary>The earliest step of each case (cases never seen are absent).</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> CaseStartsAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default);

    /// <summary>When a leaf's project was first claimed; null when the claim is not stored.</summary>
    Task<DateTimeOffset?> ProjectClaimedAtAsync(string leafId, string projectId, CancellationToken cancellationToken = default);

    /// <summary>The window from <paramref name="from"/>, with its 12345 look-back from <paramref name="hotlineFrom"/>.</summary>
    Task<EventWindow> WindowAsync(DateTimeOffset from, DateTimeOffset hotlineFrom, CancellationToken cancellationToken = default);

    /// <summary>A leaf's events of the window: all from <c>From</c>, and 12345 reports from <c>HotlineFrom</c>.</summary>
    Task<IReadOnlyList<CityEvent>> ReadLeafAsync(string leafId, EventWindow window, CancellationToken cancellationToken = default);

    /// <summary>A leaf's member registrations (在职党员报到登记) whenever they occurred: its roster, for PM01's denominator.</summary>
    Task<IReadOnlyList<CityEvent>> ReadRosterAsync(string leafId, CancellationToken cancellationToken = default);

    /// <summary>Every stored step of the given cases.</summary>
    Task<IReadOnlyList<CityEvent>> ReadCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default);
}
