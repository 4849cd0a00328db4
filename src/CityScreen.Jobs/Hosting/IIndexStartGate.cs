namespace CityScreen.Jobs.Hosting;

/// <summary>
/// What the start-up catch-up waits for before it runs: the host knows when its store is open and
/// its simulator has finished backfilling, the jobs do not.
/// </summary>
public interface IIndexStartGate
{
    Task WaitAsync(CancellationToken cancellationToken);
}
