using CityScreen.Contracts.Events;

namespace CityScreen.Storage.Events;

/// <summary>
/// The durable log of accepted events (docs/architecture.md, rule 1): an event is here before the API
/// answers 202, and every indicator can be rebuilt from it.
/// </summary>
public interface IEventStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the events atomically (all or none), ignoring events whose source already stored their
    /// id with the same content. Returns the events that were new, with their
    /// <see cref="CityEvent.Seq"/>, and how many were duplicates; or, storing nothing, the events that
    /// contradict the store (<see cref="AppendResult.Conflicts"/>): an id its source stored with other
    /// content, a step of a case bound to another area (by this host or another, atomically).
    /// </summary>
    Task<AppendResult> AppendAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Every event of one leaf area (a grid, or a community's direct activities), in store order.</summary>
    Task<IReadOnlyList<CityEvent>> ReadAreaAsync(string areaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events of one leaf area above <paramref name="afterSeq"/> and up to <paramref name="upToSeq"/>,
    /// in store order, read as they are consumed: a leaf's tail is never held in memory whole.
    /// </summary>
    IAsyncEnumerable<CityEvent> ReadAreaAfterAsync(string areaId, long afterSeq, long upToSeq = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The events of one leaf area with the given sequences, in store order.</summary>
    IAsyncEnumerable<CityEvent> ReadAreaSeqsAsync(string areaId, IReadOnlyList<long> seqs, CancellationToken cancellationToken = default);

    /// <summary>The steps of one case in one leaf area below <paramref name="beforeSeq"/>, in store order.</summary>
    Task<IReadOnlyList<CityEvent>> ReadCaseAsync(string areaId, string caseId, long beforeSeq, CancellationToken cancellationToken = default);

    /// <summary>
    /// The seq of the newest event of one leaf area, 0 when it has none: the log only grows, so the
    /// area's history is the same as long as this is (a cache of what is built from it is keyed by it).
    /// </summary>
    Task<long> LastSeqAsync(string areaId, CancellationToken cancellationToken = default);

    /// <summary>The leaf area each known case is bound to (by its first step); cases never seen are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> FindCaseAreasAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
