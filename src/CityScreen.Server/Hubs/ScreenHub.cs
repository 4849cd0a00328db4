using CityScreen.Areas;
using Microsoft.AspNetCore.SignalR;

namespace CityScreen.Server.Hubs;

/// <summary>
/// <c>/hubs/screen</c>: a client calls <c>Subscribe(areaId)</c> and receives <c>indicators</c>
/// for that area at once and on every change (coalesced, latest wins), plus <c>alert</c> for
/// cases in it.
/// </summary>
public sealed class ScreenHub(ScreenSubscriptions subscriptions, AreaTree tree) : Hub
{
    public Task Subscribe(string areaId)
    {
        if (string.IsNullOrEmpty(areaId) || !tree.TryGet(areaId, out _))
            throw new HubException($"Unknown area '{areaId}'.");
        return subscriptions.SubscribeAsync(Context.ConnectionId, areaId);
    }

    public void Unsubscribe(string areaId) => subscriptions.Unsubscribe(Context.ConnectionId, areaId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
