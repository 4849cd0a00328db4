using CityScreen.Areas;
using CityScreen.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CityScreen.Server.Hubs;

/// <summary>
/// <c>/hubs/screen</c>: a client calls <c>Subscribe(areaId)</c> and receives <c>indicators</c>
/// for that area at once and on every change (coalesced, latest wins), plus <c>alert</c> for
/// cases in it. Only within the caller's scope: an area outside it is refused exactly like an
/// unknown one, and nothing is sent for it.
/// </summary>
[Authorize(Policies.Read)]
public sealed class ScreenHub(ScreenSubscriptions subscriptions, AreaTree tree, Microsoft.Extensions.Options.IOptions<ReadLimits> limits, OpenScreens screens) : Hub
{
    /// <summary>Listed for admins, and closed when its credential is withdrawn (<see cref="OpenScreenRevalidation"/>).</summary>
    public override Task OnConnectedAsync()
    {
        var context = Context;
        if (!subscriptions.TryConnect(context.ConnectionId, ReadLimits.PrincipalOf(context.User!, context.GetHttpContext()!)))
            throw new HubException($"This identity already holds {limits.Value.HubConnectionsPerPrincipal} connections to this host; close one first.");
        screens.Opened(context.ConnectionId, OpenScreens.Hub, context.User ?? new System.Security.Claims.ClaimsPrincipal(), context.Abort);
        return base.OnConnectedAsync();
    }

    public Task Subscribe(string areaId)
    {
        if (string.IsNullOrEmpty(areaId) || Context.User is not { } user || AreaScope.For(user, tree)?.Contains(areaId) != true)
            throw new HubException($"Unknown area '{areaId}'.");
        return subscriptions.SubscribeAsync(Context.ConnectionId, areaId);
    }

    public void Unsubscribe(string areaId) => subscriptions.Unsubscribe(Context.ConnectionId, areaId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Disconnected(Context.ConnectionId);
        screens.Closed(Context.ConnectionId, OpenScreens.Hub);
        return base.OnDisconnectedAsync(exception);
    }
}
