using CityScreen.Contracts.Events;
using CityScreen.Simulator;

namespace CityScreen.Simulator.Tests;

/// <summary>
/// Four weeks at the demo's rate (0.07 events/s over 400 grids in 6 streets, as the server's appsettings.json
/// sets it), from Monday 21 September 2026: across a month end (the departments' ratings) and the National Day
/// holidays (working-hour limits). Kept as per-case summaries and the rare workflow events. Nothing is held
/// back (no late events), so each case's steps come in order.
/// </summary>
public sealed class SimulatedMonth
{
    public static readonly DateTimeOffset From = new(2026, 9, 21, 8, 0, 0, TestCity.Offset);
    public const int Weeks = 4;
    public const double DemoEventsPerSecond = 0.07;
    public static readonly DateTimeOffset To = From.AddDays(7 * Weeks);

    private static readonly HashSet<string> Rare =
    [
        EventTypes.CaseWhistled, EventTypes.CaseExtended, EventTypes.CaseReturned, EventTypes.CaseReassigned,
        EventTypes.CaseSuspended, EventTypes.CaseResumed, EventTypes.DepartmentRated,
    ];

    public SimulatedMonth()
    {
        var simulator = TestCity.Simulator(seed: 7, eventsPerSecond: DemoEventsPerSecond, configure: o => o.LateShare = 0);
        simulator.Start(From);
        var whistles = new Dictionary<string, CityEvent>();
        var lastStep = new Dictionary<string, DateTimeOffset>();
        for (var day = From.AddDays(1); day <= To; day = day.AddDays(1))
        {
            foreach (var e in simulator.Advance(day))
            {
                EventCount++;
                if (Rare.Contains(e.Type)) RareEvents.Add(e);
                if (e.Type == EventTypes.CaseWhistled) whistles[e.CaseId!] = e;
                if (e.Type == EventTypes.CaseResponded && e.CaseId is { } id && whistles.TryGetValue(id, out var whistle))
                    Arrivals.Add(new(whistle, e.Department!, e.OccurredAt - whistle.OccurredAt));
                if (e.CaseId is not { } caseId) continue;
                if (lastStep.TryGetValue(caseId, out var last) && e.OccurredAt < last) OutOfOrderSteps++;
                lastStep[caseId] = e.OccurredAt;
                if (e.Type == EventTypes.CaseReported)
                {
                    Cases[caseId] = new CaseSummary(e.Level!, e.Kind!, e.Category!, e.OccurredAt);
                    if (e.CallerId is not null) Calls.Add(e);
                }
                else if (Cases.TryGetValue(caseId, out var summary))
                {
                    summary.Types.Add(e.Type);
                    if (e.Type == EventTypes.CaseClosed) summary.ClosedAt ??= e.OccurredAt;
                }
            }
        }
    }

    public long EventCount { get; }

    /// <summary>Steps that came out before an earlier-sent step of their case.</summary>
    public int OutOfOrderSteps { get; }

    /// <summary>Cases reported in the run, by id.</summary>
    public Dictionary<string, CaseSummary> Cases { get; } = [];

    /// <summary>Whistles, returns, reassignments, extensions, suspensions and resumptions, department ratings.</summary>
    public List<CityEvent> RareEvents { get; } = [];

    /// <summary>Each arrival (报到) of a summoned department after a whistle seen in the run.</summary>
    public List<Arrival> Arrivals { get; } = [];

    /// <summary>The reports of 12345 calls.</summary>
    public List<CityEvent> Calls { get; } = [];

    public IEnumerable<CityEvent> Of(string type) => RareEvents.Where(e => e.Type == type);

    public sealed record CaseSummary(string Level, string Kind, string Category, DateTimeOffset ReportedAt)
    {
        public HashSet<string> Types { get; } = [];
        public DateTimeOffset? ClosedAt { get; set; }
        public bool Filed => Types.Contains(EventTypes.CaseFiled);
    }

    public sealed record Arrival(CityEvent Whistle, string Department, TimeSpan After)
    {
        public bool InTime => After <= TimeSpan.FromMinutes(Whistle.RespondWithinMinutes ?? 30);
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatedMonthCollection : ICollectionFixture<SimulatedMonth>
{
    public const string Name = "four simulated weeks";
}
