using CityScreen.Contracts.Events;
using CityScreen.Simulator;

namespace CityScreen.Simulator.Tests;

/// <summary>
/// The backfill a host asks for at start: 48 hours of history at 2 events/s over 400 grids, drawn once and
/// shared by the tests that measure shares and shapes.
/// </summary>
public sealed class TwoDays
{
    public TwoDays()
    {
        var options = new SimulatorOptions { Seed = 7, EventsPerSecond = 2 };
        Options = options;
        Now = TestCity.Monday8;
        Start = Now - options.HistoryToBackfill;
        var simulator = new CitySimulator(TestCity.Grids, options, TestCity.Zone);
        History = simulator.CoBuildingHistory(Start);
        simulator.Start(Start);
        Events = simulator.Advance(Now);
        PendingAfter = simulator.PendingCount;
        Cases = Events.Where(e => e.CaseId is not null).GroupBy(e => e.CaseId!)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.OccurredAt).ToList());
        Reports = Events.Where(e => e.Type == EventTypes.CaseReported).ToList();
    }

    public SimulatorOptions Options { get; }
    /// <summary>The 共驻共建 registries before <see cref="Start"/>, as a host stores them first.</summary>
    public IReadOnlyList<CityEvent> History { get; }
    public DateTimeOffset Start { get; }
    public DateTimeOffset Now { get; }
    public IReadOnlyList<CityEvent> Events { get; }
    public int PendingAfter { get; }

    /// <summary>Every case's steps, by occurredAt.</summary>
    public IReadOnlyDictionary<string, List<CityEvent>> Cases { get; }

    public IReadOnlyList<CityEvent> Reports { get; }

    /// <summary>Cases whose report is in the run, so every step up to now is too.</summary>
    public IEnumerable<List<CityEvent>> WholeCases => Cases.Values.Where(c => c[0].Type == EventTypes.CaseReported);

    public static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? double.NaN : items.Count(predicate) / (double)items.Count;
}

[CollectionDefinition(Name)]
public sealed class TwoDaysCollection : ICollectionFixture<TwoDays>
{
    public const string Name = "two simulated days";
}
