using CityScreen.Contracts.Events;
using CityScreen.Simulator;

namespace CityScreen.Simulator.Tests;

/// <summary>
/// A city of 400 grids in 40 communities of 宝塔区's 6 streets, with ids built like the demo's (street
/// 610602001–006, then 3 digits of community and 3 of grid), and a clock in Asia/Shanghai.
/// </summary>
public static class TestCity
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>A Monday morning; a fixed date keeps the runs reproducible.</summary>
    public static readonly DateTimeOffset Monday8 = new(2025, 6, 16, 8, 0, 0, Offset);

    public static readonly IReadOnlyList<SimulatedArea> Grids = Build();

    public static readonly IReadOnlySet<string> GridIds = Grids.Select(g => g.GridId).ToHashSet();

    public static readonly IReadOnlySet<string> CommunityIds = Grids.Select(g => g.CommunityId).ToHashSet();

    public static readonly IReadOnlySet<string> StreetIds = Grids.Select(g => StreetOf(g.GridId)).ToHashSet();

    /// <summary>The street of a grid or community id: its first 9 digits.</summary>
    public static string StreetOf(string areaId) => areaId[..9];

    public static CitySimulator Simulator(int seed = 7, double eventsPerSecond = 2, Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Seed = seed, EventsPerSecond = eventsPerSecond };
        configure?.Invoke(options);
        return new CitySimulator(Grids, options, Zone);
    }

    /// <summary>The same simulator started at <paramref name="from"/> and advanced to <paramref name="to"/> in <paramref name="step"/>s.</summary>
    public static List<CityEvent> Run(CitySimulator simulator, DateTimeOffset from, DateTimeOffset to, TimeSpan? step = null)
    {
        simulator.Start(from);
        var events = new List<CityEvent>();
        if (step is not { } s)
        {
            events.AddRange(simulator.Advance(to));
            return events;
        }
        for (var t = from + s; t < to; t += s) events.AddRange(simulator.Advance(t));
        events.AddRange(simulator.Advance(to));
        return events;
    }

    /// <summary>
    /// Every field of the events, the new ones (whistle, limit, caller …) included, which the wire format of
    /// <see cref="CityEventJson"/> does not write yet: for comparing two runs.
    /// </summary>
    public static List<string> AllFields(IEnumerable<CityEvent> events) => [.. events.Select(e => System.Text.Json.JsonSerializer.Serialize(e))];

    private static List<SimulatedArea> Build()
    {
        var grids = new List<SimulatedArea>();
        for (var c = 0; c < 40; c++)
        {
            for (var g = 0; g < 10; g++)
            {
                grids.Add(new SimulatedArea(
                    GridId: $"61060200{1 + c / 7}{c:D3}{g:D3}",
                    CommunityId: $"61060200{1 + c / 7}{c:D3}",
                    Lon: 109.45 + c * 0.004,
                    Lat: 36.58 + g * 0.003,
                    Households: 150 + (c * 37 + g * 53) % 450,
                    MembersExpected: 8 + (c + g) % 15));
            }
        }
        return grids;
    }
}
