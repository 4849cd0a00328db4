using CityScreen.Simulator.Activities;
using CityScreen.Simulator.Cases;

namespace CityScreen.Simulator;

/// <summary>
/// Daily mean arrivals per second of each stream, derived so that all events together average the
/// configured rate. Meetings and projects keep the cadence of real organisations (a few per community a
/// week or month) whatever the rate; cases and the service work around them share what is left.
/// </summary>
internal sealed record StreamRates(double Cases, double Service, double Projects, double Meetings)
{
    private const double SecondsPerWeek = 7 * 86400;
    private const double SecondsPerMonth = 30 * 86400;

    public static StreamRates For(double eventsPerSecond, int grids, int communities)
    {
        var meetings = grids * ActivityRules.MeetingsPerGridPerMonth / SecondsPerMonth;
        var projects = communities * ActivityRules.ProjectsPerCommunityPerWeek / SecondsPerWeek;
        var cadence = meetings + projects * ActivityRules.EventsPerProject;
        if (cadence > eventsPerSecond)
        {
            // A rate too low for the city's own cadence: scale everything down rather than exceed it.
            var scale = eventsPerSecond / cadence;
            return new(0, 0, projects * scale, meetings * scale);
        }
        var cases = (eventsPerSecond - cadence) / (CaseRules.ExpectedEventsPerCase + ActivityRules.ServicePerCase);
        return new(cases, cases * ActivityRules.ServicePerCase, projects, meetings);
    }

    /// <summary>The events per second these rates give on average, case steps and completions included.</summary>
    public double EventsPerSecond =>
        Cases * CaseRules.ExpectedEventsPerCase + Service + Projects * ActivityRules.EventsPerProject + Meetings;
}
