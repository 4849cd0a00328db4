using CityScreen.Areas;
using CityScreen.Domain.Index;
using CityScreen.Domain.Rollups;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using Microsoft.Extensions.Logging;

namespace CityScreen.Jobs.Indices;

/// <summary>
/// Computes and stores the development index of every area for a run of dates, from the daily
/// rollups: each area's inputs pooled from all the leaves below it (never from its children's
/// indices), each rate shrunk toward its parent's, the month's one set of frozen weights (the same
/// for every level, so a parent's index lies with its children's), its grade, stars (communities),
/// rank among its siblings and change since the day before.
/// </summary>
public sealed class IndexComputation(IndexModel model, CityLeaves leaves, IRollupStore rollups, IIndexStore indices, ILogger logger)
{
    /// <summary>Fewer communities than this are too few to learn weights from: the grids are used instead.</summary>
    public const int MinimumWeightAreas = 10;

    private readonly Dictionary<DateOnly, IndexCalculator> _calculators = [];

    /// <summary>
    /// The level whose areas the month's weights are learnt from, for every level: communities —
    /// enough of them to tell indicators apart, each pooling hundreds of cases, so far less noisy
    /// than grids — unless a city has too few, then grids.
    /// </summary>
    private AreaLevel WeightLevel => leaves.Tree.AtLevel(AreaLevel.Community).Count() >= MinimumWeightAreas ? AreaLevel.Community : AreaLevel.Grid;

    public async Task ComputeAsync(IReadOnlyList<DateOnly> dates, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (dates.Count == 0) return;
        var first = dates.Min();
        var last = dates.Max();
        var rolled = await rollups.RolledUpDaysAsync(cancellationToken);
        var series = await LoadAsync(first, last, cancellationToken);
        var simulated = rolled.Where(d => d.Simulated).Select(d => d.Date).ToHashSet();
        var complete = rolled.Select(d => d.Date).ToHashSet();
        var previous = await indices.ValuesAsync(first.AddDays(-1), model.Version, cancellationToken);

        var started = DateTimeOffset.UtcNow;
        foreach (var date in dates.Order())
        {
            var records = await ComputeDateAsync(date, series, complete, simulated.Contains(date), previous, cancellationToken);
            await indices.SaveNightAsync(date, model.Version, records, at, cancellationToken);
            previous = records.ToDictionary(r => r.AreaId, r => r.Value, StringComparer.Ordinal);
        }
        logger.LogInformation("Development index {Version}: {Count} night(s) {From:yyyy-MM-dd}..{To:yyyy-MM-dd} computed in {Seconds:F1} s",
            model.Version, dates.Count, first, last, (DateTimeOffset.UtcNow - started).TotalSeconds);
    }

    private async Task<List<IndexRecord>> ComputeDateAsync(
        DateOnly date, InputGroup[] series, HashSet<DateOnly> complete, bool simulated, IReadOnlyDictionary<string, double?> previous, CancellationToken cancellationToken)
    {
        var pooled = PoolLeaves(series, date, i => i.WindowDays ?? 1);
        var calculator = await CalculatorAsync(date, series, complete, cancellationToken);
        var named = PoolAll(pooled);
        var explanations = new List<(Area Area, IndexExplanation Explanation, FrozenWeights Weights, IReadOnlyDictionary<string, double> Inputs)>();
        foreach (var area in leaves.Tree.All)
        {
            var inputs = named[area.Id];
            var parent = area.ParentId is { } p ? named[p] : null;
            explanations.Add((area, calculator.Compute(area.Id, date, inputs, parent), calculator.Weights, inputs));
        }

        var ranks = explanations
            .Where(e => e.Explanation.Value is not null)
            .GroupBy(e => e.Area.ParentId ?? "")
            .SelectMany(g => SiblingRank.Of(g.Select(e => (e.Area.Id, e.Explanation.Value!.Value))))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

        return explanations.Select(e =>
        {
            var value = e.Explanation.Value;
            var band = value is { } v ? model.Grades.Of(v) : null;
            return new IndexRecord(
                date,
                e.Area.Id,
                model.Version,
                e.Area.Level.ToApiName(),
                e.Area.ParentId,
                value,
                band?.Grade,
                e.Area.Level == AreaLevel.Community ? band?.Stars : null,
                ranks.TryGetValue(e.Area.Id, out var rank) ? rank : null,
                IndexChange.Since(value, previous.GetValueOrDefault(e.Area.Id)),
                simulated,
                e.Inputs,
                e.Weights,
                e.Explanation);
        }).ToList();
    }

    /// <summary>
    /// The month's weights, one set for the whole tree: stored ones if frozen already; else learnt
    /// from the last full month (every day rolled up) over the areas of <see cref="WeightLevel"/>,
    /// each shrunk toward its parent, and frozen; else, on a fresh start, the AHP priors — and those
    /// are frozen too, so a month never mixes two sets of weights.
    /// </summary>
    private async Task<IndexCalculator> CalculatorAsync(DateOnly date, InputGroup[] series, HashSet<DateOnly> complete, CancellationToken cancellationToken)
    {
        var month = new DateOnly(date.Year, date.Month, 1);
        if (_calculators.TryGetValue(month, out var known)) return known;
        var level = WeightLevel;
        var levelName = level.ToApiName();
        var weights = await indices.WeightsAsync(model.Version, month, levelName, cancellationToken);
        if (weights is null)
        {
            var previousMonth = month.AddMonths(-1);
            var end = month.AddDays(-1);
            var full = Enumerable.Range(0, end.DayNumber - previousMonth.DayNumber + 1).All(d => complete.Contains(previousMonth.AddDays(d)));
            if (full)
            {
                // Flows and distinct members over the month's days; inputs that look back further
                // (projects, a year) keep their own window; stocks at the month's last day.
                var days = end.Day;
                var pooled = PoolLeaves(series, end, i => i.WindowDays is { } w && w > 31 ? w : days);
                var all = PoolAll(pooled);
                var areas = leaves.Tree.AtLevel(level)
                    .Select(a => (all[a.Id], a.ParentId is { } p ? all[p] : (IReadOnlyDictionary<string, double>?)null))
                    .ToList();
                weights = MonthlyWeights.Freeze(model, month, levelName, areas);
                logger.LogInformation("Weights of {Month:yyyy-MM} for {Level} frozen from {Count} areas over {Previous:yyyy-MM}", month, levelName, areas.Count, previousMonth);
            }
            else
            {
                weights = MonthlyWeights.Priors(model, month, levelName);
                logger.LogInformation("Weights of {Month:yyyy-MM} for {Level}: no full month before it, AHP priors frozen", month, levelName);
            }
            weights = await indices.FreezeAsync(weights, cancellationToken);
        }
        return _calculators[month] = new IndexCalculator(model, weights);
    }

    private double[][] PoolLeaves(InputGroup[] groups, DateOnly end, Func<IndexInput, int> windowDays)
    {
        var scratch = new HashSet<int>();
        var leafCount = groups[0].Series.Length;
        var pooled = new double[leafCount][];
        var part = groups.Select(g => new double[g.InputIndexes.Length]).ToArray();
        for (var i = 0; i < leafCount; i++)
        {
            pooled[i] = new double[model.Inputs.Count];
            for (var g = 0; g < groups.Length; g++)
            {
                Array.Clear(part[g]);
                groups[g].Series[i].PoolInto(part[g], end, windowDays, scratch);
                for (var j = 0; j < part[g].Length; j++) pooled[i][groups[g].InputIndexes[j]] = part[g][j];
            }
        }
        return pooled;
    }

    private Dictionary<string, IReadOnlyDictionary<string, double>> PoolAll(double[][] pooledLeaves) =>
        leaves.Tree.All.ToDictionary(a => a.Id, a => (IReadOnlyDictionary<string, double>)Named(PoolArea(a.Id, pooledLeaves)), StringComparer.Ordinal);

    private double[] PoolArea(string areaId, double[][] pooledLeaves)
    {
        var sum = new double[model.Inputs.Count];
        foreach (var leaf in leaves.LeavesOf(areaId))
            for (var i = 0; i < sum.Length; i++) sum[i] += pooledLeaves[leaf][i];
        return sum;
    }

    private Dictionary<string, double> Named(double[] inputs) =>
        model.Inputs.Select((input, i) => (input.Id, Value: inputs[i])).ToDictionary(x => x.Id, x => x.Value, StringComparer.Ordinal);

    /// <summary>
    /// Far enough back for an input's window on the first date, and for the month before it
    /// (weights). Each input is kept from its own first day: keeping every input as far back as
    /// the longest window (a year, for projects) held a year of days for inputs that look at 30,
    /// gigabytes at 50,000 grids.
    /// </summary>
    private static DateOnly LoadFrom(IndexInput input, DateOnly first)
    {
        var window = first.AddDays(1 - (input.WindowDays ?? 1));
        var previousMonth = new DateOnly(first.Year, first.Month, 1).AddMonths(-1);
        return window < previousMonth ? window : previousMonth;
    }

    /// <summary>Each leaf's series, one per group of inputs that start on the same day, read in one pass over the rollups.</summary>
    private async Task<InputGroup[]> LoadAsync(DateOnly first, DateOnly to, CancellationToken cancellationToken)
    {
        var memberIds = new MemberIds();
        var groups = model.Inputs.Select((input, i) => (Input: input, Index: i, From: LoadFrom(input, first)))
            .GroupBy(x => x.From)
            .Select(g => new InputGroup(
                g.Key,
                g.Select(x => x.Index).ToArray(),
                leaves.All.Select(l => new LeafSeries(l.Id, g.Select(x => x.Input).ToList(), g.Key, to, memberIds)).ToArray()))
            .ToArray();
        var byId = leaves.All.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var from = groups.Min(g => g.From);
        await foreach (var rollup in rollups.ReadAsync(from, to, cancellationToken))
            if (byId.TryGetValue(rollup.LeafId, out var i))
                foreach (var group in groups) group.Series[i].Add(rollup);
        return groups;
    }

    /// <summary>Inputs kept over the same days: their indexes among the model's inputs and every leaf's series of them.</summary>
    private sealed record InputGroup(DateOnly From, int[] InputIndexes, LeafSeries[] Series);
}
