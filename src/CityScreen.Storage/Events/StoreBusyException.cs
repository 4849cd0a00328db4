namespace CityScreen.Storage.Events;

/// <summary>The store has more writes waiting than it accepts: nothing of the request was stored; retry shortly.</summary>
public sealed class StoreBusyException() : Exception("the event store is busy: too many writes are waiting; nothing was stored, retry shortly");
