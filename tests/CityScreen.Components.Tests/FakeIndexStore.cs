using CityScreen.Domain.Index;
using CityScreen.Storage.Indices;

namespace CityScreen.Components.Tests;

/// <summary>The nightly index as a wall reads it: nothing until a test stores a night, and a count of how often it was asked.</summary>
internal sealed class FakeIndexStore : IIndexStore
{
    private readonly Dictionary<string, IndexRecord> _records = new(StringComparer.Ordinal);
    private DateOnly? _last;

    public int Reads { get; private set; }

    public void Store(params IndexRecord[] records)
    {
        foreach (var r in records)
        {
            _records[r.AreaId] = r;
            _last = r.Date;
        }
    }

    public Task<DateOnly?> LastDateAsync(string modelVersion, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(_last);
    }

    public Task<IndexRecord?> ReadAsync(string areaId, DateOnly date, string modelVersion, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault(areaId));

    public Task<IReadOnlyList<IndexPoint>> HistoryAsync(string areaId, string modelVersion, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexPoint>>(_records.TryGetValue(areaId, out var r)
            ? [new IndexPoint(r.Date, r.Value, r.Grade, r.Stars, r.Rank, r.Change, r.Simulated)]
            : []);

    public Task<IReadOnlyDictionary<string, double?>> ValuesAsync(DateOnly date, string modelVersion, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, double?>>(_records.ToDictionary(x => x.Key, x => x.Value.Value, StringComparer.Ordinal));

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SaveNightAsync(DateOnly date, string modelVersion, IReadOnlyCollection<IndexRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<IndexNight>> NightsAsync(string modelVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<IndexRecord>> ReadDateAsync(DateOnly date, string modelVersion, string? level, CancellationToken cancellationToken = default, IReadOnlyCollection<string>? areaIds = null) =>
        throw new NotSupportedException();

    public Task<FrozenWeights?> WeightsAsync(string modelVersion, DateOnly month, string level, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<FrozenWeights> FreezeAsync(FrozenWeights weights, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
