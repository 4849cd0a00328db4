using System.Collections.Concurrent;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Index;
using CityScreen.Domain.Time;
using CityScreen.Storage.Indices;

namespace CityScreen.Server.Feed;

/// <summary>
/// The 实时发展指数 of every area this host is asked about: today's live snapshot scored over the
/// newest night's inputs with the month's frozen weights (<see cref="LiveIndex"/>, the nightly
/// job's own scoring). Cheap by construction: the night (its date, weights and each asked area's
/// inputs) is read once per night, never per event; an area is scored again only when its live
/// figures or its parent's changed, and at most once per <see cref="Coalesce"/> — a burst of events
/// becomes one recomputation. Readers (the wall on each chart refresh, <c>GET /api/areas/{id}</c>)
/// get the newest value so held.
/// </summary>
public sealed class LiveIndices(AreaTree tree, ScreenFeed feed, IIndexStore indices, IndexModel model, CityClock clock)
{
    /// <summary>At most one recomputation of an area per this long.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromSeconds(1);
    /// <summary>How often to look whether a new night has been computed.</summary>
    private static readonly TimeSpan NightCheckEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Scored> _scored = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _nightLock = new(1, 1);
    private Night? _night;
    private DateTimeOffset _nightCheckedAt = DateTimeOffset.MinValue;

    /// <summary>The area's live index, or null before the first night (there are no weights to score with).</summary>
    public async Task<LiveIndex?> GetAsync(string areaId, CancellationToken cancellationToken = default)
    {
        if (await NightAsync(cancellationToken) is not { } night || !tree.TryGet(areaId, out var area)) return null;
        var live = await SnapshotAsync(areaId, cancellationToken);
        var parentLive = area.ParentId is { } p ? await SnapshotAsync(p, cancellationToken) : null;
        var now = clock.Now;
        if (_scored.TryGetValue(areaId, out var known) && known.Night == night
            && ((known.Version == live.Version && known.ParentVersion == parentLive?.Version) || now - known.ComputedAt < Coalesce))
            return known.Index;

        if (await night.InputsAsync(areaId, cancellationToken) is not { } inputs) return null;
        var parentInputs = area.ParentId is { } parentId ? await night.InputsAsync(parentId, cancellationToken) : null;
        var index = LiveIndex.Compute(night.Calculator, areaId, clock.LocalDate(live.At), live.At, inputs, live.Values, parentInputs, parentLive?.Values);
        _scored[areaId] = new Scored(night, live.Version, parentLive?.Version, now, index);
        return index;
    }

    private async Task<IndicatorSnapshot> SnapshotAsync(string areaId, CancellationToken cancellationToken) =>
        feed.Latest(areaId) ?? await feed.GetOrFetchAsync(areaId, cancellationToken, fresh: false);

    /// <summary>The newest night, looked for once a minute; its weights are those frozen for this month when the job has frozen them.</summary>
    private async Task<Night?> NightAsync(CancellationToken cancellationToken)
    {
        if (clock.Now - _nightCheckedAt < NightCheckEvery) return _night;
        await _nightLock.WaitAsync(cancellationToken);
        try
        {
            if (clock.Now - _nightCheckedAt < NightCheckEvery) return _night;
            _nightCheckedAt = clock.Now;
            if (await indices.LastDateAsync(model.Version, cancellationToken) is not { } last) return _night = null;
            if (_night?.Date == last) return _night;
                        if (await indices.ReadAsync(tree.Root.Id, last, model.Version, cancellationToken) is not { } record) return _night = null;
            var today = clock.LocalDate(clock.Now);
            var month = new DateOnly(today.Year, today.Month, 1);
            var weights = month == record.Weights.Month
                ? record.Weights
                : await indices.WeightsAsync(model.Version, month, record.Weights.Level, cancellationToken) ?? record.Weights;
            return _night = new Night(last, new IndexCalculator(model, weights), indices, model.Version);
        }
        finally
        {
            _nightLock.Release();
        }
    }

    private sealed record Scored(Night Night, long Version, long? ParentVersion, DateTimeOffset ComputedAt, LiveIndex Index);

    /// <summary>One night: its calculator, and the inputs of the areas asked about, each read once.</summary>
    private sealed class Night(DateOnly date, IndexCalculator calculator, IIndexStore indices, string version)
    {
        private readonly ConcurrentDictionary<string, Task<IReadOnlyDictionary<string, double>?>> _inputs = new(StringComparer.Ordinal);

        public DateOnly Date { get; } = date;
        public IndexCalculator Calculator { get; } = calculator;

        /// <summary>Read once and shared; one reader giving up waits no longer but does not spoil the read for the others.</summary>
        public Task<IReadOnlyDictionary<string, double>?> InputsAsync(string areaId, CancellationToken cancellationToken) =>
            _inputs.GetOrAdd(areaId, ReadAsync).WaitAsync(cancellationToken);

        private async Task<IReadOnlyDictionary<string, double>?> ReadAsync(string areaId) =>
            (await indices.ReadAsync(areaId, Date, version))?.Inputs;
    }
}
