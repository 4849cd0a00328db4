using CityScreen.Contracts.Events;

namespace CityScreen.Storage.Events;

/// <summary>
/// Commits a group of queued requests in one transaction, each database its own fastest way; the
/// queue, the grouping and the retry around it are <see cref="EventStore"/>'s, the same for both.
/// </summary>
internal abstract class EventWriter : IAsyncDisposable
{
    /// <summary>Called once on the writer's task before the first commit.</summary>
    public abstract Task StartAsync();

    /// <summary>
    /// Stores the group's events in request order, all or nothing, ignoring ids already stored;
    /// one result per request. An id stored by this transaction belongs to its first occurrence.
    /// </summary>
    public abstract Task<IReadOnlyList<AppendResult>> CommitAsync(IReadOnlyList<PendingAppend> group);

    public abstract ValueTask DisposeAsync();
}

internal sealed class PendingAppend(IReadOnlyList<CityEvent> events)
{
    public IReadOnlyList<CityEvent> Events { get; } = events;

    /// <summary>
    /// Serialized by the caller before queueing: the one writer thread then only talks to the
    /// database, and the requests' threads share the JSON work.
    /// </summary>
    public byte[][] Bodies { get; } = events.Select(CityEventJson.SerializeToUtf8).ToArray();

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
