namespace CityScreen.Jobs.Hosting;

/// <summary>
/// Held for the whole of one index run, so two runs never overlap on any host. Hangfire's own lock
/// (<c>DisableConcurrentExecution</c>) expires in its PostgreSQL storage after a set time, which a
/// long catch-up can outlast; this one lasts until the run ends or its host dies.
/// </summary>
public interface IIndexRunLock
{
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);
}
