namespace CityScreen.Storage.Events;

/// <summary>
/// The store (or the areas behind it) has more work waiting than it accepts: nothing of the
/// request was stored; retry shortly.
/// </summary>
public sealed class StoreBusyException(string message = "the event store is busy: too many writes are waiting; nothing was stored, retry shortly")
    : Exception(message);
