using System.Security.Claims;
using System.Text.RegularExpressions;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Walls;
using CityScreen.Server.Security;

namespace CityScreen.Server.Wall;

/// <summary>
/// One wall's heartbeat to the fleet (<see cref="IWallFleetGrain"/>): every <see cref="Every"/>, while
/// its circuit is connected, it asks the browser for its id, size and memory, tells the fleet what
/// the wall shows, and hands the command the answer carries (if any) to the page. A wall whose
/// browser stops answering stops beating, and the fleet view turns it red.
/// </summary>
public sealed partial class WallBeacon(IGrainFactory grains, WallCircuit circuit, ILocalSiloDetails silo, ILogger<WallBeacon> logger) : IDisposable
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    /// <summary>A browser slower than this to answer is as good as gone for this beat.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private readonly string _host = $"{Environment.MachineName} ({silo.SiloAddress.Endpoint})";
    private readonly CancellationTokenSource _stop = new();
    private string? _wallId;

    private IWallFleetGrain Fleet => grains.GetGrain<IWallFleetGrain>(IWallFleetGrain.Key);

    /// <param name="probe">Asks the browser and reads what the page shows, on the page's renderer.</param>
    /// <param name="apply">Carries out a command on the page.</param>
    public void Start(ClaimsPrincipal user, Func<CancellationToken, Task<(BrowserProbe Browser, WallShown Shown)>> probe, Func<WallCommand, Task> apply) =>
        _ = RunAsync(user.Who(), probe, apply, _stop.Token);

    private async Task RunAsync(string user, Func<CancellationToken, Task<(BrowserProbe, WallShown)>> probe, Func<WallCommand, Task> apply, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                if (!circuit.Connected) continue;
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(ProbeTimeout);
                    var (browser, shown) = await probe(timeout.Token);
                    if (!WallId().IsMatch(browser.Id)) continue;
                    _wallId = browser.Id;
                    var report = new WallReport(browser.Id, _host, circuit.Id, circuit.Connects, circuit.ConnectedSince,
                        shown.AreaId, shown.AreaName, shown.Layout, shown.Rotation, shown.Page, shown.PageCount, shown.Scale,
                        browser.Width, browser.Height, browser.MemoryBytes, shown.DataAt, user);
                    if (await Fleet.HeartbeatAsync(report) is { } command)
                    {
                        logger.LogInformation("Wall {Wall} carries out command {Command} ({Kind})", browser.Id, command.Id, command.Kind);
                        await apply(command);
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // A browser that did not answer in time, a silo not yet up: this beat is missed, the next may not be.
                    logger.LogDebug(ex, "A wall's heartbeat failed");
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The page went away between beats.
        }
    }

    /// <summary>What wall.js makes: letters, digits and dashes, short. Anything else is not a wall's.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex WallId();

    /// <summary>The page closed (or reloaded): the fleet marks the wall offline now rather than after its silence.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _stop.Dispose();
        if (_wallId is not { } id) return;
        var circuitId = circuit.Id;
        _ = Task.Run(async () =>
        {
            try { await Fleet.ClosedAsync(id, circuitId); }
            catch (Exception ex) { logger.LogDebug(ex, "Could not tell the fleet that wall {Wall} closed", id); }
        });
    }
}
