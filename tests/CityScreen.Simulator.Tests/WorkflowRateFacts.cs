using CityScreen.Contracts.Events;
using Xunit.Abstractions;

namespace CityScreen.Simulator.Tests;

/// <summary>
/// The workflow steps besides the main line: their shares over a large sample of case plans, the rest over
/// four weeks at the demo's rate.
/// </summary>
[Collection(SimulatedMonthCollection.Name)]
public class WorkflowRateFacts(SimulatedMonth month, CasePlanSample sample, ITestOutputHelper output) : IClassFixture<CasePlanSample>
{
    /// <summary>Cases of the month filed in its first three weeks: their extensions, returns and suspensions have happened by the end.</summary>
    private List<SimulatedMonth.CaseSummary> Due =>
        [.. month.Cases.Values.Where(c => c.Filed && c.ReportedAt < SimulatedMonth.To.AddDays(-7))];

    private double ShareOfDue(string type) => sample.ShareOfDue(type);

    [Fact]
    public void Extensions_are_about_two_per_thousand_cases_due()
    {
        Assert.InRange(ShareOfDue(EventTypes.CaseExtended), 0.0015, 0.0025);
    }

    [Fact]
    public void Returns_are_about_five_per_thousand_cases_due_and_some_are_reassigned()
    {
        Assert.InRange(ShareOfDue(EventTypes.CaseReturned), 0.004, 0.006);
        Assert.InRange(ShareOfDue(EventTypes.CaseReassigned) / ShareOfDue(EventTypes.CaseReturned), 0.25, 0.55);
        Assert.DoesNotContain(month.Cases.Values, c => c.Types.Contains(EventTypes.CaseReassigned) && !c.Types.Contains(EventTypes.CaseReturned));
    }

    [Fact]
    public void Suspensions_are_rarer_still_and_resume()
    {
        var suspended = ShareOfDue(EventTypes.CaseSuspended);
        Assert.InRange(suspended, 0.0002, 0.001);
        Assert.True(suspended < ShareOfDue(EventTypes.CaseExtended));
        Assert.Equal(sample.Counts[EventTypes.CaseSuspended], sample.Counts[EventTypes.CaseResumed]);
        Assert.All(Due.Where(c => c.Types.Contains(EventTypes.CaseSuspended) && c.ReportedAt < SimulatedMonth.To.AddDays(-14)),
            c => Assert.Contains(EventTypes.CaseResumed, c.Types));
    }

    [Fact]
    public void Critical_cases_close_first_then_major_then_normal()
    {
        double MeanHoursToClose(string level) => month.Cases.Values
            .Where(c => c.Level == level && c.ClosedAt is not null && c.ReportedAt < SimulatedMonth.To.AddDays(-14))
            .Average(c => (c.ClosedAt!.Value - c.ReportedAt).TotalHours);

        var (critical, major, normal) = (MeanHoursToClose("critical"), MeanHoursToClose("major"), MeanHoursToClose("normal"));
        output.WriteLine($"mean hours to close: critical {critical:0.0}, major {major:0.0}, normal {normal:0.0}");
        Assert.True(critical < major && major < normal, $"critical {critical:0.0} h, major {major:0.0} h, normal {normal:0.0} h");
    }

    [Fact]
    public void A_few_percent_of_12345_calls_repeat_a_caller_and_category_within_30_days()
    {
        var seen = new Dictionary<(string, string), DateTimeOffset>();
        var repeats = 0;
        foreach (var call in month.Calls.OrderBy(e => e.OccurredAt))
        {
            var key = (call.CallerId!, call.Category!);
            if (seen.TryGetValue(key, out var last) && call.OccurredAt - last < TimeSpan.FromDays(30)) repeats++;
            seen[key] = call.OccurredAt;
        }
        Assert.InRange(repeats / (double)month.Calls.Count, 0.01, 0.06);
    }

    [Fact]
    public void Steps_of_a_case_come_in_time_order()
    {
        Assert.Equal(0, month.OutOfOrderSteps);
    }

    [Fact]
    public void Measured_rates_are_written_out()
    {
        output.WriteLine($"{month.EventCount} events, {month.Cases.Count} cases reported, {Due.Count} due in the first three weeks");
        output.WriteLine($"in the month, of those due: " + string.Join(", ", new[] { EventTypes.CaseExtended, EventTypes.CaseReturned, EventTypes.CaseReassigned, EventTypes.CaseSuspended, EventTypes.CaseWhistled }
            .Select(t => $"{t} {TwoDays.Share(Due, c => c.Types.Contains(t)):P3}")));
        output.WriteLine($"of {sample.Due} plans due: extended {ShareOfDue(EventTypes.CaseExtended):P3}, returned {ShareOfDue(EventTypes.CaseReturned):P3}, "
            + $"reassigned {ShareOfDue(EventTypes.CaseReassigned):P3}, suspended {ShareOfDue(EventTypes.CaseSuspended):P3}");
        foreach (var s in month.Of(EventTypes.CaseWhistled).GroupBy(e => e.By).OrderBy(g => g.Key))
            output.WriteLine($"street {s.Key}: {s.Count() / (double)SimulatedMonth.Weeks:0.00} whistles a week");
        foreach (var d in month.Arrivals.GroupBy(a => a.Department).OrderBy(g => g.Average(a => a.After.TotalMinutes)))
            output.WriteLine($"{d.Key}: {d.Count()} arrivals, mean {d.Average(a => a.After.TotalMinutes):0.0} min, in time {d.Count(a => a.InTime) / (double)d.Count():P0}");
        foreach (var r in month.Of(EventTypes.DepartmentRated).GroupBy(e => e.Score).OrderBy(g => g.Key))
            output.WriteLine($"department ratings of {r.Key}: {r.Count()}");
        Assert.True(month.EventCount > 0);
    }
}
