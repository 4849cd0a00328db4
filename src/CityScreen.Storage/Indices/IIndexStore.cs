using CityScreen.Domain.Index;

namespace CityScreen.Storage.Indices;

/// <summary>The index history (<c>index_history</c>), the month's frozen weights and the computed nights.</summary>
public interface IIndexStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Upserts every area's index of one date (by date, area and model version) and counts the
    /// night as computed once more, in one transaction: a run that stops halfway leaves the date
    /// as it was.
    /// </summary>
    Task SaveNightAsync(DateOnly date, string modelVersion, IReadOnlyCollection<IndexRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IndexNight>> NightsAsync(string modelVersion, CancellationToken cancellationToken = default);

    /// <summary>The latest date with indices under the version, or null.</summary>
    Task<DateOnly?> LastDateAsync(string modelVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The indices of one date, of one level (api name) or of every level when null; of the areas
    /// <paramref name="areaIds"/> only when given (a scoped reader's, filtered by the database).
    /// </summary>
    Task<IReadOnlyList<IndexRecord>> ReadDateAsync(DateOnly date, string modelVersion, string? level, CancellationToken cancellationToken = default, IReadOnlyCollection<string>? areaIds = null);

    Task<IndexRecord?> ReadAsync(string areaId, DateOnly date, string modelVersion, CancellationToken cancellationToken = default);

    /// <summary>Each area's value on a date (null where it had none), for the change since the day before.</summary>
    Task<IReadOnlyDictionary<string, double?>> ValuesAsync(DateOnly date, string modelVersion, CancellationToken cancellationToken = default);

    /// <summary>One area's days from <paramref name="from"/> to <paramref name="to"/>, in date order.</summary>
    Task<IReadOnlyList<IndexPoint>> HistoryAsync(string areaId, string modelVersion, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    Task<FrozenWeights?> WeightsAsync(string modelVersion, DateOnly month, string level, CancellationToken cancellationToken = default);

    /// <summary>Stores a month's weights unless that month and level already has some: frozen means frozen.</summary>
    Task<FrozenWeights> FreezeAsync(FrozenWeights weights, CancellationToken cancellationToken = default);
}
