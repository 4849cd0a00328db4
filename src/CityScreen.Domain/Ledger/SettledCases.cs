using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The sum of the cases of one ledger whose share of the indicators cannot change for a while.
/// A case's share changes only at its own instants (a step's time, that time leaving the 30-day
/// window, turning yellow or red, a whistle's half hour) and at the hour; a case with none of
/// those within <see cref="Horizon"/> is settled and added to the sum once. Each computation then
/// adds only the unsettled cases — those that just changed or sit near one of their instants —
/// instead of every case of the last 30 days. A step takes its case back out of the sum before it
/// is applied; the sum is rebuilt when its validity runs out, and at least every hour.
/// The values are the same as counting every case at that instant (tests compare both).
/// </summary>
internal sealed class SettledCases(CityClock clock)
{
    /// <summary>A case with an instant closer than this stays out of the sum and is counted every time.</summary>
    internal static readonly TimeSpan Horizon = TimeSpan.FromMinutes(5);

    /// <summary>Instants are compared with this margin, so rounding (the yellow share) never lets a change slip.</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private readonly HashSet<CaseFile> _settled = [];
    private readonly HashSet<CaseFile> _unsettled = [];
    private readonly List<CaseFile> _looked = [];
    private IndicatorValues? _sum;
    /// <summary>The sum is valid for computations at instants in [<see cref="_asOf"/>, <see cref="_until"/>).</summary>
    private DateTimeOffset _asOf, _until;

    /// <summary>The earliest instant the last computed values may change without a step.</summary>
    public DateTimeOffset NextChange { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>Before a step is applied to <paramref name="file"/>: its share comes out of the sum while it is still the one added.</summary>
    public void Changing(CaseFile file)
    {
        if (_sum is not null && _settled.Remove(file))
            CaseCounting.Add(file, WindowAt(_asOf), _sum, -1, clock);
        _unsettled.Add(file);
    }

    /// <summary>A case dropped from the ledger.</summary>
    public void Forget(CaseFile file)
    {
        if (_sum is not null && _settled.Remove(file))
            CaseCounting.Add(file, WindowAt(_asOf), _sum, -1, clock);
        _unsettled.Remove(file);
    }

    /// <summary>The values of every case at <paramref name="w"/>; <paramref name="look"/> sees each case whose state may differ from the last computation.</summary>
    public IndicatorValues ValuesAt(Window w, IEnumerable<CaseFile> all, Action<CaseFile> look)
    {
        var now = w.Now;
        if (_sum is null || now >= _until || now < _asOf) Rebuild(now, all);
        _asOf = now;

        _looked.Clear();
        _looked.AddRange(_unsettled);
        var next = _until;
        foreach (var file in _looked)
        {
            look(file);
            var change = CaseCounting.NextChange(file, now - Margin);
            if (change >= now + Horizon)
            {
                CaseCounting.Add(file, w, _sum!, +1, clock);
                _settled.Add(file);
                _unsettled.Remove(file);
                if (change - Margin < _until) _until = change - Margin;
            }
            else
            {
                if (change <= now) change = CaseCounting.NextChange(file, now);
                if (change < next) next = change;
            }
        }

        var values = IndicatorMath.Copy(_sum!);
        foreach (var file in _unsettled) CaseCounting.Add(file, w, values, +1, clock);
        IndicatorMath.DropEmptyDepartments(values);
        NextChange = next < _until ? next : _until;
        return values;
    }

    private void Rebuild(DateTimeOffset now, IEnumerable<CaseFile> all)
    {
        _sum = IndicatorMath.Empty(CityClock.HourStart(now), clock.LocalDate(now));
        _settled.Clear();
        _unsettled.Clear();
        _unsettled.UnionWith(all);
        var nextHour = CityClock.HourStart(now).AddHours(1);
        var nextMidnight = clock.StartOfDay(clock.LocalDate(now).AddDays(1));
        _until = nextHour < nextMidnight ? nextHour : nextMidnight;
    }

    private Window WindowAt(DateTimeOffset t) => new(t, clock.StartOfToday(t), clock.StartOfYear(t));
}
