using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Index;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Rollups;
using CityScreen.Domain.Time;
using CityScreen.Storage.Rollups;

namespace CityScreen.Server.Wall;

/// <summary>
/// Cases reported and closed per day, per area, on the days before the events at hand: the demo's
/// simulated history, which exists only as daily rollups (no event stands behind it, so the live
/// ledger's daily buckets are zero there). The 30-day trends and <c>series</c> of
/// <c>GET /api/areas/{id}</c> take those days from here. It also keeps, per area, the 30 days that
/// ended yesterday as the rollups count them, for the rates whose counts they keep (<see cref="Yesterday"/>):
/// the flip counters' "较昨日" when the host has no sample of yesterday. The rollups are read for
/// every area at once (leaves summed up the tree), never per request or per event: once per local
/// day, and again when the days rolled up change (looked at once a minute at most).
/// </summary>
public sealed class DailyHistory(AreaTree tree, IRollupStore rollups, CityClock clock, ILogger<DailyHistory> logger)
{
    /// <summary>
    /// One area's counts, one per day from <see cref="First"/>; only those of <see cref="Days"/> come from
    /// the rollups. <see cref="Window"/> holds the sums of <see cref="WindowInputs"/> over the 30 days
    /// that ended yesterday, or is null unless every one of those days is rolled up.
    /// </summary>
    public sealed record AreaDays(DateOnly First, IReadOnlySet<DateOnly> Days, int[] Reported, int[] Closed, double[]? Window = null);

    /// <summary>The rollup inputs summed over yesterday's 30 days: the numerators and denominators of the rates the rollups can give.</summary>
    private static readonly string[] WindowInputs = [.. IndicatorCatalog.All
        .Select(LiveIndexInputs.DailyInputsOf).OfType<(string Numerator, string Denominator)>()
        .SelectMany(p => new[] { p.Numerator, p.Denominator }).Distinct(StringComparer.Ordinal)];

    /// <summary>The daily series with the rollup days filled in; <see cref="FromRollupsUntil"/> is the last day taken from the rollups, or null.</summary>
    public sealed record Filled(int[] Reported, int[] Closed, DateOnly? FromRollupsUntil);

    private sealed record Loaded(DateOnly Today, DateTimeOffset At, string RolledDays, Dictionary<string, AreaDays> Areas);

    /// <summary>
    /// How often the days rolled up are looked at again: the demo seeds its history a little after
    /// the first start and the nightly job rolls up yesterday at 02:00; the rollups are read again
    /// only when those days changed.
    /// </summary>
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private Loaded? _loaded;
    private Task<Loaded>? _loading;
    private DateOnly _loadingFor;

    /// <summary>Raised once a day's history has been read, so that pictures drawn without it are drawn again.</summary>
    public long Version { get; private set; }

    /// <summary>The area's rollup days, reading the rollups first if today's are not read yet; null also when they cannot be read (logged).</summary>
    public async Task<AreaDays?> ForAsync(string areaId, CancellationToken cancellationToken = default)
    {
        var loading = LoadAsync();
        await ((Task)loading).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        return loading.IsCompletedSuccessfully ? loading.Result.Areas.GetValueOrDefault(areaId) : null;
    }

    /// <summary>
    /// The area's rollup days if today's are read, else null (and their reading starts): for
    /// synchronous drawing, which must not wait on the store.
    /// </summary>
    public AreaDays? Peek(string areaId)
    {
        var task = LoadAsync();
        return task.IsCompletedSuccessfully ? task.Result.Areas.GetValueOrDefault(areaId) : null;
    }

    /// <summary>
    /// A rate's value over the 30 days that ended yesterday, as the rollups count it; null for an
    /// indicator whose counts the rollups do not keep per day, or when those days are not all rolled up.
    /// </summary>
    public static double? Yesterday(IndicatorDefinition d, AreaDays? days)
    {
        if (days?.Window is not { } window || LiveIndexInputs.DailyInputsOf(d) is not var (numerator, denominator)) return null;
        var den = window[Array.IndexOf(WindowInputs, denominator)];
        return den == 0 ? null : window[Array.IndexOf(WindowInputs, numerator)] * d.Scale / den;
    }

    /// <summary>Puts the rollup days into the live daily buckets (ending at <see cref="IndicatorValues.DayAnchor"/>): those days have no events behind them.</summary>
    public static Filled Fill(IndicatorValues v, AreaDays? days)
    {
        if (days is null) return new(v.ReportedDaily, v.ClosedDaily, null);
        var reported = (int[])v.ReportedDaily.Clone();
        var closed = (int[])v.ClosedDaily.Clone();
        DateOnly? until = null;
        for (var i = 0; i < reported.Length; i++)
        {
            var date = v.DayAnchor.AddDays(i - (reported.Length - 1));
            if (!days.Days.Contains(date)) continue;
            var k = date.DayNumber - days.First.DayNumber;
            reported[i] = days.Reported[k];
            closed[i] = days.Closed[k];
            until = date;
        }
        return new(reported, closed, until);
    }

    private Task<Loaded> LoadAsync()
    {
        var today = clock.LocalDate(clock.Now);
        lock (_gate)
        {
            var current = _loaded?.Today == today && clock.Now - _loaded.At < LookAgainAfter;
            if (current) return Task.FromResult(_loaded!);
            if (_loading is null || _loadingFor != today || _loading.IsCompleted)
            {
                _loadingFor = today;
                _loading = Task.Run(() => ReadAsync(today));
            }
            return _loading;
        }
    }

    private async Task<Loaded> ReadAsync(DateOnly today)
    {
        try
        {
            var first = today.AddDays(1 - IndicatorValues.Days);
            var yesterday = today.AddDays(-1);
            var windowFirst = yesterday.AddDays(1 - IndicatorValues.Days);
            var days = await rollups.RolledUpDaysAsync();
            var rolledDays = string.Join(',', days.Select(d => $"{d.Date:yyyyMMdd}{(d.Simulated ? "s" : "")}"));
            lock (_gate)
            {
                // Nothing new rolled up: what was read stands, looked at again later.
                if (_loaded is { } known && known.Today == today && known.RolledDays == rolledDays)
                    return _loaded = known with { At = clock.Now };
            }
            // Only simulated days: no event stands behind them, while the ledger holds the events of the others.
            var simulated = days.Where(d => d.Simulated && d.Date >= first && d.Date <= today).Select(d => d.Date).ToList();
            var rolled = days.Select(d => d.Date).ToHashSet();
            var windowRolled = Enumerable.Range(0, IndicatorValues.Days).All(i => rolled.Contains(windowFirst.AddDays(i)));
            var areas = new Dictionary<string, AreaDays>(StringComparer.Ordinal);
            if (simulated.Count > 0 || windowRolled)
            {
                var from = simulated.Count > 0 ? simulated[0] : today;
                var length = simulated.Count > 0 ? simulated[^1].DayNumber - from.DayNumber + 1 : 0;
                var set = simulated.ToHashSet();
                AreaDays Of(Area a) => areas.TryGetValue(a.Id, out var d) ? d
                    : areas[a.Id] = new(from, set, new int[length], new int[length], windowRolled ? new double[WindowInputs.Length] : null);
                var readFrom = windowRolled && windowFirst < from ? windowFirst : from;
                var readUntil = windowRolled ? (simulated.Count > 0 && simulated[^1] > yesterday ? simulated[^1] : yesterday) : simulated[^1];
                await foreach (var r in rollups.ReadAsync(readFrom, readUntil))
                {
                    if (!tree.TryGet(r.LeafId, out var leaf)) continue;
                    var isSimulated = set.Contains(r.Date);
                    var inWindow = windowRolled && r.Date >= windowFirst && r.Date <= yesterday;
                    if (!isSimulated && !inWindow) continue;
                    var reported = (int)r.Count(RollupInputs.CasesReported);
                    var closed = (int)r.Count(RollupInputs.CasesClosed);
                    var counts = inWindow ? WindowInputs.Select(r.Count).ToArray() : null;
                    var k = r.Date.DayNumber - from.DayNumber;
                    foreach (var area in tree.Ancestors(leaf.Id).Prepend(leaf))
                    {
                        var d = Of(area);
                        if (isSimulated)
                        {
                            d.Reported[k] += reported;
                            d.Closed[k] += closed;
                        }
                        if (counts is not null)
                            for (var i = 0; i < counts.Length; i++) d.Window![i] += counts[i];
                    }
                }
            }
            var loaded = new Loaded(today, clock.Now, rolledDays, areas);
            lock (_gate)
            {
                _loaded = loaded;
                Version++;
            }
            logger.LogInformation("Daily history: {Days} simulated days read from the rollups for {Areas} areas; yesterday's 30 days {Window}",
                simulated.Count, areas.Count, windowRolled ? "rolled up" : "not all rolled up");
            return loaded;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Daily history: the rollups could not be read; the trends show the events at hand only");
            throw;
        }
    }
}
