using CityScreen.Simulator;

namespace CityScreen.LoadGenerator;

/// <summary>
/// The simulator's rate is the city's steady rate, reached once the cases of the last days are open; after
/// a warm-up of hours the later steps of older cases are still missing. A probe run over the same span
/// measures what share of the steady rate comes out, so the generator can ask for enough to send --rate.
/// </summary>
internal static class RateCalibration
{
    private const double ProbeRate = 100;

    /// <summary>
    /// The probe always runs at the same instant (the flat day makes the hour irrelevant), so the same
    /// arguments give the same rate, and with the same seed the same events and ids.
    /// </summary>
    private static readonly DateTimeOffset ProbeStart = new(2025, 1, 6, 0, 0, 0, TimeSpan.FromHours(8));

    public static double Share(IReadOnlyList<SimulatedArea> grids, TimeSpan warmUp, TimeSpan runFor)
    {
        // At least two minutes, so the count is large enough to measure; at most half an hour, so it stays quick.
        var span = TimeSpan.FromSeconds(Math.Clamp(runFor.TotalSeconds, 120, 1800));
        var probe = new CitySimulator(grids, new SimulatorOptions
        {
            EventsPerSecond = ProbeRate,
            Seed = 1,
            WarmUp = warmUp,
            FollowTimeOfDay = false,
        });
        probe.Start(ProbeStart);
        var events = probe.Advance(ProbeStart + span).Count;
        return Math.Clamp(events / (ProbeRate * span.TotalSeconds), 0.05, 1);
    }
}
