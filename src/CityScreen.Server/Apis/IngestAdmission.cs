using Microsoft.Extensions.Options;

namespace CityScreen.Server.Apis;

/// <summary>
/// How many <c>POST /api/events</c> requests this host reads, checks, stores and hands on at once
/// (<see cref="IngestOptions.MaxRequestsInProgress"/>). A request beyond it is refused before its body
/// is read, so a sender faster than the host's durable rate costs the host a refusal, not a buffer:
/// every request in progress holds its body, its parsed events and its place in the store's queue,
/// and without this bound they would pile up for as long as the sender keeps ahead.
/// </summary>
public sealed class IngestAdmission(IOptions<IngestOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxRequestsInProgress);

    public int Limit { get; } = options.Value.MaxRequestsInProgress;

    /// <summary>The requests holding a slot now.</summary>
    public int InProgress => Limit - _slots.CurrentCount;

    /// <summary>A slot, released when disposed; null when every slot is taken (nothing waits).</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
