using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityScreen.Server.Tests;

/// <summary>A real SignalR client on /hubs/screen that records what it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    public HubClient(Uri baseAddress, string? accessToken = null)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/screen"), o => { if (accessToken is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken); })
            .Build();
        _connection.On<JsonElement>("indicators", m => Indicators.Enqueue(m));
        _connection.On<JsonElement>("alert", m => Alerts.Enqueue(m));
    }

    public ConcurrentQueue<JsonElement> Indicators { get; } = new();
    public ConcurrentQueue<JsonElement> Alerts { get; } = new();

    public Task StartAsync() => _connection.StartAsync();

    public Task SubscribeAsync(string areaId) => _connection.InvokeAsync("Subscribe", areaId);

    public Task UnsubscribeAsync(string areaId) => _connection.InvokeAsync("Unsubscribe", areaId);

    /// <summary>Waits (bounded) for a received message that satisfies <paramref name="match"/>.</summary>
    public static async Task<JsonElement> ReceiveAsync(ConcurrentQueue<JsonElement> queue, Func<JsonElement, bool> match, string what)
    {
        JsonElement? found = null;
        await Eventually.HoldsAsync(
            () => Task.FromResult(((found = queue.Where(match).Cast<JsonElement?>().FirstOrDefault()) is not null, $"no message: {what}; received {queue.Count}")),
            every: TimeSpan.FromMilliseconds(20));
        return found!.Value;
    }


    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
