using CityScreen.Contracts.Events;
using CityScreen.Domain.CoBuilding;
using CityScreen.Simulator.Activities;
using CityScreen.Simulator.Cases;

namespace CityScreen.Simulator;

/// <summary>
/// A city that produces <see cref="CityEvent"/>s on a virtual clock: cases reported at a rate shaped by the
/// local time of day, each following its lifecycle over the next hours or days, and the Party-building and
/// service work around them. <see cref="Advance"/> returns what happened since the last call, in time order
/// except for a small share of events that arrive late, as they do from real upstream systems.
/// </summary>
/// <remarks>
/// Everything is drawn from streams keyed by the seed and by the minute or case it belongs to, so the same
/// seed gives the same events with the same ids however the clock is advanced, and a simulator restarted
/// with that seed repeats the ids of the hours it replays (the server counts them once).
/// Memory holds one entry per open case plus the current minute's activities and held-back events.
/// Not thread-safe: one caller drives the clock.
/// </remarks>
public sealed class CitySimulator
{
    private readonly SimulationContext _context;
    private readonly StreamRates _rates;
    private readonly long _warmUpTicks;
    private readonly CasePlan _plan = new();
    private readonly CaseEventFactory _cases;
    private readonly ActivityFactory _activities;
    private readonly DepartmentRatings _ratings;
    private readonly PriorityQueue<Pending, PendingOrder> _queue = new();
    private bool _started;
    private long _startTicks;
    private long _nowTicks;
    private long _nextSlot;
    private int _numberingDay;
    private int _casesToday;

    /// <param name="sites">
    /// The service sites whose hourly tallies (<c>site.served</c>) the city sends: a host passes those its
    /// ingest accepts; null reads <see cref="SimulatorOptions.SitesFile"/> (or the demo district's file).
    /// Only sites of the grids' communities are used.
    /// </param>
    public CitySimulator(IReadOnlyList<SimulatedArea> grids, SimulatorOptions options, TimeZoneInfo zone, IReadOnlyList<ServiceSite>? sites = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        if (!double.IsFinite(options.EventsPerSecond) || options.EventsPerSecond < 0)
            throw new ArgumentException($"EventsPerSecond must be a number ≥ 0, not {options.EventsPerSecond}", nameof(options));
        if (options.LateShare is < 0 or > 1 || double.IsNaN(options.LateShare))
            throw new ArgumentException($"LateShare must be between 0 and 1, not {options.LateShare}", nameof(options));
        if (options.WarmUp < TimeSpan.Zero)
            throw new ArgumentException("WarmUp must not be negative", nameof(options));
        if (string.IsNullOrWhiteSpace(options.Source))
            throw new ArgumentException("Source must name the event source", nameof(options));

        // 0 asks for a fresh city every run.
        Seed = options.Seed != 0 ? options.Seed : Random.Shared.Next(1, int.MaxValue);
        var roster = new GridRoster(grids);
        _rates = StreamRates.For(options.EventsPerSecond, roster.Count, roster.Communities.Count);
        var directory = new DepartmentDirectory(SeedFiles.Departments(options.DepartmentsFile), Seed);
        var receivers = roster.StreetIds.Select(s => new Departments.ForStreet(s, directory)).ToArray();
        _context = new SimulationContext(Seed, options.Source, roster, new LocalClock(zone), new DayShape(options.FollowTimeOfDay), options.LateShare)
        {
            Directory = directory,
            Receivers = receivers,
            Calendar = SeedFiles.Holidays(options.HolidaysFile, zone),
            WhistleChance = CaseRules.WhistleChance(_rates.Cases, receivers.Count(s => s.CanWhistle)),
            Sites = [.. (sites ?? SeedFiles.Sites(options.SitesFile)).Where(s => roster.Communities.Any(c => c.Id == s.CommunityId))],
        };
        _warmUpTicks = options.WarmUp.Ticks;
        _cases = new CaseEventFactory(_context);
        _activities = new ActivityFactory(_context);
        _ratings = new DepartmentRatings(_context);
    }

    /// <summary>Uses the zone named by <see cref="SimulatorOptions.TimeZone"/>.</summary>
    public CitySimulator(IReadOnlyList<SimulatedArea> grids, SimulatorOptions options)
        : this(grids, options, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone))
    {
    }

    /// <summary>The seed in use (the one drawn when the options asked for 0); event ids carry it.</summary>
    public int Seed { get; }

    /// <summary>The virtual time reached, in the city's zone; <see cref="DateTimeOffset.MinValue"/> before <see cref="Start"/>.</summary>
    public DateTimeOffset Now => _started ? _context.Clock.ToLocal(_nowTicks) : DateTimeOffset.MinValue;

    /// <summary>What the simulator's factories share, for tests that draw case plans directly.</summary>
    internal SimulationContext Context => _context;

    /// <summary>Entries waiting in the queue: open cases, held-back events, this minute's activities.</summary>
    internal int PendingCount => _queue.Count;

    /// <summary>
    /// Sets the virtual clock to <paramref name="at"/>; no event will be at or before it. Cases reported in
    /// the <see cref="SimulatorOptions.WarmUp"/> before it are already open and send their later steps.
    /// </summary>
    public void Start(DateTimeOffset at)
    {
        _queue.Clear();
        _started = true;
        _startTicks = _nowTicks = at.UtcTicks;
        _numberingDay = int.MinValue;

        // Cases are numbered from local midnight, so walk the warm-up from the midnight before it.
        var warmFrom = _startTicks - _warmUpTicks;
        var startSlot = _startTicks / SlotArrivals.Length;
        for (var slot = _context.Clock.StartOfDay(warmFrom) / SlotArrivals.Length; slot <= startSlot; slot++)
            Generate(slot, warmFrom);
        _nextSlot = startSlot + 1;
    }

    /// <summary>
    /// Moves the virtual clock to <paramref name="until"/> and returns the events released in between: those
    /// that occurred in (<see cref="Now"/>, <paramref name="until"/>], less the ones held back, plus held-back
    /// ones now due. Ordered by release time.
    /// </summary>
    public IReadOnlyList<CityEvent> Advance(DateTimeOffset until)
    {
        if (!_started) throw new InvalidOperationException("Start the simulator before advancing it.");
        var untilTicks = until.UtcTicks;
        if (untilTicks <= _nowTicks) return [];

        var events = new List<CityEvent>();
        while (true)
        {
            // Everything at or before the horizon is in the queue: later minutes only hold later arrivals.
            var horizon = Math.Min(untilTicks, _nextSlot * SlotArrivals.Length - 1);
            Release(horizon, events);
            if (horizon == untilTicks) break;
            Generate(_nextSlot++, _startTicks);
        }
        _nowTicks = untilTicks;
        return events;
    }

    private void Release(long horizon, List<CityEvent> events)
    {
        while (_queue.TryPeek(out var item, out var order) && order.Ticks <= horizon)
        {
            _queue.Dequeue();
            if (item.Ready is { } ready) events.Add(ready);
            else TakeCaseStep(item, order.Ticks, events);
        }
    }

    private void TakeCaseStep(Pending item, long ticks, List<CityEvent> events)
    {
        var key = item.CaseKey;
        _plan.Draw(_context, key, item.ReportedTicks, _context.Clock.Hour(item.ReportedTicks));
        var e = _cases.Build(_plan, item.Step);
        if (_plan.StepAt(item.Step) == CaseStepKind.Whistled) _ratings.Whistled(ticks, _plan.Street, _plan.Summoned);

        var next = item.Step + 1;
        if (next < _plan.StepCount)
            _queue.Enqueue(Pending.CaseStep(key, item.ReportedTicks, next), new(_plan.TicksAt(next), PendingOrder.CaseStep, key));

        var r = RandomStream.For(Seed, key, 1 + item.Step);
        var late = _context.LateBy(ref r);
        if (late > 0) _queue.Enqueue(Pending.Release(e), new(ticks + late, PendingOrder.LateCaseStep + item.Step, key));
        else events.Add(e);
    }

    /// <summary>
    /// Draws the arrivals of one minute. Arrivals after the start are queued; cases reported from
    /// <paramref name="warmFrom"/> up to the start queue their first step after it; earlier ones only count.
    /// Every arrival is drawn in full either way, so a minute's draws never depend on when the run began.
    /// </summary>
    private void Generate(long slot, long warmFrom)
    {
        var start = slot * SlotArrivals.Length;
        var end = start + SlotArrivals.Length;
        var local = _context.Clock.ToLocal(start);
        var hour = local.Hour;
        var community = _context.Shape.Community.At(hour);
        var minute = local.ToString("yyyyMMddHHmm", null);

        GenerateCases(slot, DateOnly.FromDateTime(local.DateTime), hour, warmFrom);
        if (start > _startTicks && local is { Day: 1, Hour: 0, Minute: 0 })
            GenerateRatings(start);
        if (end > warmFrom)
            GenerateProjects(slot, minute, _rates.Projects * community);
        if (end > _startTicks)
        {
            GenerateActivities(slot, minute, ArrivalStream.Service, _rates.Service * community);
            GenerateActivities(slot, minute, ArrivalStream.Meetings, _rates.Meetings * community);
            if (local.Minute == 0) GenerateSiteTallies(slot, local);
        }
    }

    private void GenerateCases(long slot, DateOnly day, int hour, long warmFrom)
    {
        // Minutes never straddle a local midnight (zone offsets are whole minutes), so a minute has one day.
        if (day.DayNumber != _numberingDay)
        {
            _numberingDay = day.DayNumber;
            _casesToday = 0;
        }

        var arrivals = new SlotArrivals(Seed, slot, ArrivalStream.Cases, _rates.Cases * _context.Shape.Reports(hour));
        while (arrivals.Next(out var at))
        {
            var key = CaseEventFactory.Key(day, ++_casesToday);
            if (at > _startTicks)
            {
                _queue.Enqueue(Pending.CaseStep(key, at, 0), new(at, PendingOrder.CaseStep, key));
                continue;
            }
            if (at < warmFrom) continue;

            _plan.Draw(_context, key, at, hour);
            var step = _plan.FirstStepAfter(_startTicks);
            RememberWhistleBefore(_startTicks);
            if (step >= 0)
                _queue.Enqueue(Pending.CaseStep(key, at, step), new(_plan.TicksAt(step), PendingOrder.CaseStep, key));
        }
    }

    /// <summary>A warm-up case's whistle blown before the start still counts for the month's ratings.</summary>
    private void RememberWhistleBefore(long ticks)
    {
        for (var i = 0; i < _plan.StepCount && _plan.TicksAt(i) <= ticks; i++)
            if (_plan.StepAt(i) == CaseStepKind.Whistled) _ratings.Whistled(_plan.TicksAt(i), _plan.Street, _plan.Summoned);
    }

    /// <summary>At the local midnight that ends a month, the streets rate the departments they summoned in it.</summary>
    private void GenerateRatings(long start)
    {
        var ratings = _ratings.MonthEnded(start);
        for (var i = 0; i < ratings.Count; i++)
            _queue.Enqueue(Pending.Release(ratings[i]), new(start, PendingOrder.DepartmentRating, i));
    }

    /// <param name="minute">The local minute, yyyyMMddHHmm: with the arrival's index it makes the event id.</param>
    private void GenerateActivities(long slot, string minute, ArrivalStream stream, double rate)
    {
        var arrivals = new SlotArrivals(Seed, slot, stream, rate);
        var tag = stream == ArrivalStream.Service ? 's' : 'm';
        for (var i = 0; arrivals.Next(out var at); i++)
        {
            var stem = $"{minute}-{tag}{i}";
            var e = stream == ArrivalStream.Service
                ? _activities.Service(ref arrivals.Random, at, stem)
                : _activities.Meeting(ref arrivals.Random, at, stem);
            var late = _context.LateBy(ref arrivals.Random);
            if (at > _startTicks) Enqueue(e, at + late, PendingOrder.Activity + (int)stream, slot, i);
        }
    }

    /// <summary>
    /// On the hour, each open site reports the people it served in the hour just ended (its visitor
    /// register's hourly upload, a few minutes late); an hour with nobody sends nothing. The tallies keep
    /// the sites' real cadence (a few hundred a day for the demo district) on top of the configured rate.
    /// </summary>
    private void GenerateSiteTallies(long slot, DateTimeOffset local)
    {
        var hourBefore = local.AddHours(-1);
        var workday = _context.Calendar.IsWorkday(DateOnly.FromDateTime(hourBefore.DateTime));
        var stem = hourBefore.ToString("yyyyMMddHH", null);
        for (var i = 0; i < _context.Sites.Count; i++)
        {
            var site = _context.Sites[i];
            var r = RandomStream.For(Seed, slot, 5000 + i);
            var people = SiteTraffic.Draw(ref r, SiteTraffic.Mean(site, hourBefore.Hour, workday));
            if (people == 0) continue;
            var at = Ticks.Round(slot * SlotArrivals.Length + (long)(r.Between(0.5, 8) * TimeSpan.TicksPerMinute));
            if (at <= _startTicks) continue;
            var e = new CityEvent
            {
                Id = _context.EventId($"{stem}-st-{site.Id}"), Type = EventTypes.SiteServed, OccurredAt = _context.Clock.ToLocal(at),
                Source = _context.Source, CommunityId = site.CommunityId, SiteId = site.Id, People = people,
            };
            Enqueue(e, at, PendingOrder.Activity + (int)ArrivalStream.Sites, slot, i);
        }
    }

    private void GenerateProjects(long slot, string minute, double rate)
    {
        var arrivals = new SlotArrivals(Seed, slot, ArrivalStream.Projects, rate);
        for (var i = 0; arrivals.Next(out var at); i++)
        {
            var chain = _activities.Project(ref arrivals.Random, at, $"XM{minute}{i:D2}");
            // A chain begun before the start is left out whole: its claim must never name a project the run did not publish.
            if (at <= _startTicks) continue;
            for (var k = 0; k < chain.Count; k++)
            {
                var e = chain[k];
                var late = _context.LateBy(ref arrivals.Random);
                var ticks = e.OccurredAt.UtcTicks;
                Enqueue(e, ticks + late, (k < 3 ? PendingOrder.Activity + (int)ArrivalStream.Projects : PendingOrder.ProjectCompletion) + k, slot, i);
            }
        }
    }

    /// <summary>
    /// The 共驻共建 registries and lists of every community before <paramref name="start"/> (half a
    /// year of units, the member roster, needs, resources, joint meetings and their projects), for a
    /// host to store before the first events of a fresh city so the funnel and rates are meaningful
    /// from the first screen. The same seed gives the same history, with the ids the live events use.
    /// </summary>
    public IReadOnlyList<CityEvent> CoBuildingHistory(DateTimeOffset start) => new CoBuildingHistory(_context).Until(start);

    private void Enqueue(CityEvent e, long releaseTicks, int tag, long slot, int index) =>
        _queue.Enqueue(Pending.Release(e), new(releaseTicks, tag, (slot << 20) | (uint)index));
}
