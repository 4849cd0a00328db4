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
    /// Stores the group's events in request order, all or nothing, ignoring (source, id) pairs
    /// already stored with the same content; one result per request. An id stored by this
    /// transaction belongs to its first occurrence. A new step of a case binds the case to its
    /// area in the same transaction. When an event contradicts the store (an id resent with other
    /// content, a case bound elsewhere) nothing is stored: a group throws
    /// <see cref="ConflictInGroupException"/> (its requests then go again one by one), a request
    /// alone is answered with its <see cref="AppendResult.Conflicts"/>.
    /// </summary>
    public abstract Task<IReadOnlyList<AppendResult>> CommitAsync(IReadOnlyList<PendingAppend> group);

    /// <summary>Whether a resend has the content of the stored event (compared as the store writes it, so older stored text compares too).</summary>
    protected static bool SameContent(byte[] sent, string stored) =>
        sent.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(stored))
        || sent.AsSpan().SequenceEqual(CityEventJson.SerializeToUtf8(StoredEventReader.Read(0, stored)));

    /// <summary>The answer when conflicts were found: the group is rolled back (the caller disposes the transaction uncommitted).</summary>
    protected static IReadOnlyList<AppendResult> Refuse(IReadOnlyList<PendingAppend> group, IReadOnlyList<AppendConflict>[] conflicts) =>
        group.Count > 1 ? throw new ConflictInGroupException() : [AppendResult.Refused(conflicts[0])];

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

/// <summary>A request of a group contradicts the store: the group was rolled back and each request goes again alone.</summary>
internal sealed class ConflictInGroupException() : Exception("a request of the group conflicts with stored events");
