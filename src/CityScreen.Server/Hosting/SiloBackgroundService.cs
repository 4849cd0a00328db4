namespace CityScreen.Server.Hosting;

/// <summary>
/// A loop that talks to the grains. It starts once the host has started — the silo among its
/// services, wherever each was registered — and is stopped before any service stops, so its last
/// grain calls still find the silo up. A loop that fails stops the host, as a hosted service's would.
/// </summary>
public abstract class SiloBackgroundService(IHostApplicationLifetime lifetime, ILogger logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    /// <summary>Runs once the loop has ended, while the silo is still up.</summary>
    protected virtual Task OnStoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await OnStoppedAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        try
        {
            await ExecuteAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "{Service} failed; stopping the host", GetType().Name);
            lifetime.StopApplication();
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();
}
