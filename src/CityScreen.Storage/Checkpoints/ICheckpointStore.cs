namespace CityScreen.Storage.Checkpoints;

/// <summary>The leaves' checkpoints, in the same database as the events they name.</summary>
public interface ICheckpointStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task<GridCheckpoint?> ReadAsync(string areaId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the leaf's checkpoint in one statement: a crash leaves the old one or the new one, whole.</summary>
    Task SaveAsync(GridCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Forgets every checkpoint: the next activation of each leaf replays its whole history.</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
