using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// Every <see cref="AuthOptions.RevalidationInterval"/>, closes the hub connections whose token was
/// revoked or expired, or whose account was removed or its password changed — also when that
/// happened on another host of the cluster or with the <c>users</c> CLI. Circuits are checked by
/// <see cref="CircuitRevalidation"/>.
/// </summary>
public sealed class OpenScreenRevalidation(OpenScreens screens, CredentialCheck check, IOptionsMonitor<AuthOptions> options, TimeProvider time, ILogger<OpenScreenRevalidation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.CurrentValue.RevalidationInterval, time, stoppingToken);
            foreach (var screen in screens.All.Where(s => s.Kind == OpenScreens.Hub))
            {
                try
                {
                    if (await check.IsStillValidAsync(screen.User, stoppingToken)) continue;
                    logger.LogInformation("Closing hub connection {Connection} of {Who}: its credential was withdrawn", screen.Id, screen.User.Who());
                    screen.Close();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store is out of reach: keep the screen; the next round asks again.
                    logger.LogWarning(e, "Could not re-check hub connection {Connection}", screen.Id);
                }
            }
        }
    }
}
