using System.Collections.Immutable;
using CityScreen.Contracts.Walls;

namespace CityScreen.Contracts.Grains;

/// <summary>
/// The walls open on every host of the cluster (one grain, <see cref="Key"/>). Each wall's circuit
/// sends a heartbeat every few seconds to it, so any host lists them all. Remote commands wait here
/// and go back to the wall in the answer to its next heartbeat: the wall's host always calls in, so
/// a command reaches whichever host holds the circuit with no observer to renew, no stream to set
/// up, and nothing lost when a host dies (the wall reconnects elsewhere and keeps calling in). The
/// cost is a delay of at most one heartbeat. The list lives in memory only: if the grain moves, the
/// next round of heartbeats fills it again (the reconnect counts start over).
/// </summary>
public interface IWallFleetGrain : IGrainWithStringKey
{
    const string Key = "walls";

    /// <summary>Records the report; answers the command waiting for this wall, if one is.</summary>
    Task<WallCommand?> HeartbeatAsync(WallReport report);

    /// <summary>The wall's circuit closed (its page was closed or reloaded): offline at once, unless a newer circuit took over.</summary>
    Task ClosedAsync(string wallId, string circuitId);

    Task<ImmutableArray<WallStatus>> ListAsync();

    /// <summary>Leaves a command for the wall's next heartbeat (replacing one not yet collected); null when the wall is unknown.</summary>
    Task<WallStatus?> SendAsync(string wallId, WallCommand command);
}
