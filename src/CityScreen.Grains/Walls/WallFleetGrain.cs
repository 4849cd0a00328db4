using System.Collections.Immutable;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Walls;

namespace CityScreen.Grains.Walls;

/// <summary>The cluster's one list of open walls (<see cref="IWallFleetGrain"/>); the rules are <see cref="WallFleet"/>'s.</summary>
public sealed class WallFleetGrain(TimeProvider time) : Grain, IWallFleetGrain
{
    private readonly WallFleet _fleet = new(time);

    public Task<WallCommand?> HeartbeatAsync(WallReport report) => Task.FromResult(_fleet.Heartbeat(report));

    public Task ClosedAsync(string wallId, string circuitId)
    {
        _fleet.Closed(wallId, circuitId);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<WallStatus>> ListAsync() => Task.FromResult(_fleet.List().ToImmutableArray());

    public Task<WallStatus?> SendAsync(string wallId, WallCommand command) => Task.FromResult(_fleet.Send(wallId, command));
}
