using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityScreen.Server.Tests;

/// <summary>A real SignalR client on /hubs/screen that records what it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="authorization">An <c>Authorization</c> header instead of a token, e.g. <c>Basic …</c>.</param>
    public HubClient(Uri baseAddress, string? accessToken = null, string? authorization = null)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/screen"), o =>
            {
                if (accessToken is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                if (authorization is not null) o.Headers["Authorization"] = authorization;
            })
            .Build();
        _connection.Closed += e =>
        {
            _closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        _connection.On<JsonElement>("indicators", m => Indicators.Enqueue(m));
        _connection.On<JsonElement>("alert", m => Alerts.Enqueue(m));
    }

    public ConcurrentQueue<JsonElement> Indicators { get; } = new();
    public ConcurrentQueue<JsonElement> Alerts { get; } = new();

    public Task StartAsync() => _connection.StartAsync();

    /// <summary>Completes when the server closed the connection (the client never reconnects).</summary>
    public Task<Exception?> Closed => _closed.Task;

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
