using CityScreen.Domain.Index;

namespace CityScreen.Domain.Rollups;

/// <summary>
/// One leaf's daily rollups over a range of days, pooled over any window that ends inside it as
/// the model's input kinds say: a flow is summed over the days of its window, a distinct input
/// counts each member once over the window (the union of the days' sets), a stock is the value at
/// the end of the window's last day. A day without a rollup counts as nothing happening.
/// </summary>
public sealed class LeafSeries
{
    private readonly IReadOnlyList<IndexInput> _inputs;
    private readonly MemberIds _memberIds;
    private readonly double[][] _values;
    private readonly int[]?[][] _members;
    private double[][]? _prefix;

    public LeafSeries(string leafId, IReadOnlyList<IndexInput> inputs, DateOnly first, DateOnly last, MemberIds memberIds)
    {
        if (last < first) throw new ArgumentException($"the range {first}..{last} is empty", nameof(last));
        LeafId = leafId;
        _inputs = inputs;
        _memberIds = memberIds;
        First = first;
        Last = last;
        var days = last.DayNumber - first.DayNumber + 1;
        _values = inputs.Select(_ => new double[days]).ToArray();
        _members = inputs.Select(i => i.Kind == InputKind.Distinct ? new int[]?[days] : []).ToArray();
    }

    public string LeafId { get; }
    public DateOnly First { get; }
    public DateOnly Last { get; }

    /// <summary>Adds one day's rollup; a day outside the range is ignored.</summary>
    public void Add(DailyRollup rollup)
    {
        if (rollup.Date < First || rollup.Date > Last) return;
        var day = rollup.Date.DayNumber - First.DayNumber;
        for (var i = 0; i < _inputs.Count; i++)
        {
            var input = _inputs[i];
            if (input.Kind == InputKind.Distinct)
                _members[i][day] = rollup.Set(input.Id).Select(_memberIds.Of).ToArray();
            else
                _values[i][day] = rollup.Count(input.Id);
        }
        _prefix = null;
    }

    /// <summary>
    /// Adds this leaf's pooled inputs for the window ending on <paramref name="end"/> to
    /// <paramref name="into"/> (indexed like the model's inputs); <paramref name="windowDays"/> gives
    /// each flow's or distinct input's window length.
    /// </summary>
    public void PoolInto(double[] into, DateOnly end, Func<IndexInput, int> windowDays, HashSet<int> scratch)
    {
        if (end < First) return;
        var prefix = _prefix ??= Prefixes();
        var last = Math.Min(end.DayNumber, Last.DayNumber) - First.DayNumber;
        for (var i = 0; i < _inputs.Count; i++)
        {
            var input = _inputs[i];
            if (input.Kind == InputKind.Stock)
            {
                if (end <= Last) into[i] += _values[i][last];
                continue;
            }
            var first = Math.Max(0, end.DayNumber - windowDays(input) + 1 - First.DayNumber);
            if (first > last) continue;
            if (input.Kind == InputKind.Flow)
            {
                into[i] += prefix[i][last + 1] - prefix[i][first];
                continue;
            }
            scratch.Clear();
            for (var d = first; d <= last; d++)
                if (_members[i][d] is { } members)
                    foreach (var m in members) scratch.Add(m);
            into[i] += scratch.Count;
        }
    }

    private double[][] Prefixes()
    {
        var prefix = new double[_inputs.Count][];
        for (var i = 0; i < _inputs.Count; i++)
        {
            var values = _values[i];
            var p = prefix[i] = new double[values.Length + 1];
            for (var d = 0; d < values.Length; d++) p[d + 1] = p[d] + values[d];
        }
        return prefix;
    }
}
