using CityScreen.Simulator.Cases;

namespace CityScreen.Simulator.Tests;

/// <summary>
/// The plans of 400,000 cases drawn directly (no events), for the rare workflow steps whose shares need a
/// large sample: how many of the cases due are extended, returned, reassigned, suspended.
/// </summary>
public sealed class CasePlanSample
{
    public const int Size = 400_000;

    public CasePlanSample()
    {
        var context = TestCity.Simulator(seed: 7).Context;
        var plan = new CasePlan();
        var day = DateOnly.FromDateTime(TestCity.Monday8.Date);
        var reported = TestCity.Monday8.UtcTicks;
        for (var i = 1; i <= Size; i++)
        {
            plan.Draw(context, CaseEventFactory.Key(day.AddDays(i / 20_000), i % 20_000 + 1), reported, 10);
            if (plan.StepAt(1) != CaseStepKind.Filed) continue;
            Due++;
            var seen = new HashSet<string>();
            for (var s = 0; s < plan.StepCount; s++) seen.Add(plan.StepAt(s).EventType());
            foreach (var type in seen) Counts[type] = Counts.GetValueOrDefault(type) + 1;
        }
    }

    /// <summary>Cases filed (立案): the cases due.</summary>
    public int Due { get; }

    /// <summary>Cases due that have a step of each type.</summary>
    public Dictionary<string, int> Counts { get; } = [];

    public double ShareOfDue(string type) => Counts.GetValueOrDefault(type) / (double)Due;
}
