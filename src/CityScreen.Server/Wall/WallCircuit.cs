using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CityScreen.Server.Wall;

/// <summary>
/// The connection of this circuit to its browser, for the wall's heartbeat (<see cref="WallBeacon"/>):
/// a circuit outlives its connection by minutes (Blazor keeps it for the browser to come back), and
/// a wall whose browser is gone must fall silent, so the heartbeat goes only while connected.
/// One per circuit (scoped), as every circuit handler.
/// </summary>
public sealed class WallCircuit(TimeProvider time) : CircuitHandler
{
    private int _connects;

    public string Id { get; private set; } = "";

    public bool Connected { get; private set; }

    /// <summary>How often the connection came up: 1, and one more at each reconnect.</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>When the connection last came up.</summary>
    public DateTimeOffset ConnectedSince { get; private set; }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Id = circuit.Id;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Id = circuit.Id;
        ConnectedSince = time.GetUtcNow();
        Interlocked.Increment(ref _connects);
        Connected = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Connected = false;
        return Task.CompletedTask;
    }
}
