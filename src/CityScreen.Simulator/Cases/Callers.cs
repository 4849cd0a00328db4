namespace CityScreen.Simulator.Cases;

/// <summary>
/// The 12345 platform's hash of a caller (<c>callerId</c>). Most callers call once; a few
/// (<see cref="CaseRules.RepeatCallerShare"/>) call again about the same category, and those share one of
/// two ids per street, category and 30-day period, so their calls fall within 30 days of each other. A
/// street's frequent callers are few enough that most of their calls repeat at the demo's rate too.
/// </summary>
internal static class Callers
{
    private const int PeriodDays = 30;

    public static string Draw(ref RandomStream r, SimulationContext context, long caseKey, int grid, int category)
    {
        RandomStream id;
        if (r.Chance(CaseRules.RepeatCallerShare))
        {
            var street = GridPlaces.StableHash(context.Roster.StreetIds[context.Roster.StreetOf(grid)]);
            var period = (int)(caseKey >> 32) / PeriodDays;
            id = RandomStream.For(context.Seed, ((long)street << 24) | ((long)category << 16) | (uint)r.Next(2), period);
        }
        else
        {
            id = RandomStream.For(context.Seed, caseKey, 0xCA11);
        }
        return $"caller-{(long)(id.NextDouble() * (1L << 52)):x13}";
    }
}
