using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

[Collection(TwoDaysCollection.Name)]
public class CaseLifecycleFacts(TwoDays run)
{
    // One letter per step: Reported, reJected, Filed, Dispatched, resPonded, reSolved, reOpened, Closed, raTed,
    // Whistled, returNed, reAssigned, eXtended, sUspended, resumed (V).
    private static readonly string[] Lifecycles = BuildLifecycles();

    /// <summary>
    /// After the dispatch: an answer, or a return and a new dispatch or reassignment before it, or a whistle
    /// and one to four arrivals; then maybe a suspension or an extension; then the resolution, maybe reopened.
    /// </summary>
    private static string[] BuildLifecycles()
    {
        string[] answers = ["P", "NDP", "NAP", "WP", "WPP", "WPPP", "WPPPP"];
        string[] pauses = ["", "UV", "X"];
        string[] resolutions = ["S", "SOS"];
        return ["RJ", .. from a in answers from p in pauses from r in resolutions select $"RFD{a}{p}{r}CT"];
    }

    private static string Letters(IEnumerable<CityEvent> steps) => string.Concat(steps.Select(e => e.Type switch
    {
        EventTypes.CaseReported => 'R',
        EventTypes.CaseRejected => 'J',
        EventTypes.CaseFiled => 'F',
        EventTypes.CaseDispatched => 'D',
        EventTypes.CaseResponded => 'P',
        EventTypes.CaseResolved => 'S',
        EventTypes.CaseReopened => 'O',
        EventTypes.CaseClosed => 'C',
        EventTypes.CaseRated => 'T',
        EventTypes.CaseWhistled => 'W',
        EventTypes.CaseReturned => 'N',
        EventTypes.CaseReassigned => 'A',
        EventTypes.CaseExtended => 'X',
        EventTypes.CaseSuspended => 'U',
        EventTypes.CaseResumed => 'V',
        _ => '?',
    }));

    /// <summary>
    /// Cases reported in the first day of the run and closed by its end. Measured over the whole run, the
    /// closed cases would lean to the quick ones: the late and reopened ones are still open at the end.
    /// </summary>
    private List<List<CityEvent>> Closed =>
    [
        .. run.WholeCases.Where(c => c[0].OccurredAt <= run.Start.AddDays(1) && c.Any(e => e.Type == EventTypes.CaseClosed)),
    ];

    [Fact]
    public void Every_case_steps_through_its_lifecycle_in_order()
    {
        foreach (var steps in run.Cases.Values)
        {
            var letters = Letters(steps);
            var whole = steps[0].Type == EventTypes.CaseReported;
            Assert.True(Lifecycles.Any(l => whole ? l.StartsWith(letters, StringComparison.Ordinal) : l.Contains(letters, StringComparison.Ordinal)),
                $"{steps[0].CaseId}: {letters}");
        }
    }

    [Fact]
    public void Every_step_carries_the_grid_of_its_case()
    {
        Assert.All(run.Cases.Values, steps => Assert.Single(steps.Select(e => e.GridId).Distinct()));
    }

    [Fact]
    public void Reopened_about_five_percent()
    {
        Assert.InRange(TwoDays.Share(Closed, c => c.Any(e => e.Type == EventTypes.CaseReopened)), 0.03, 0.10);
    }

    [Fact]
    public void Critical_and_major_cases_are_closed_fastest()
    {
        double MedianHours(string level)
        {
            var hours = Closed.Where(c => c[0].Level == level)
                .Select(c => (c.Last(e => e.Type == EventTypes.CaseClosed).OccurredAt - c[0].OccurredAt).TotalHours).Order().ToList();
            return hours[hours.Count / 2];
        }

        Assert.True(MedianHours("critical") < MedianHours("major"), $"critical {MedianHours("critical"):F1} h, major {MedianHours("major"):F1} h");
        Assert.True(MedianHours("major") < MedianHours("normal"), $"major {MedianHours("major"):F1} h, normal {MedianHours("normal"):F1} h");
    }

    [Fact]
    public void Rejected_about_five_and_a_half_percent()
    {
        var decided = run.WholeCases.Where(c => c.Any(e => e.Type is EventTypes.CaseFiled or EventTypes.CaseRejected)).ToList();
        Assert.InRange(TwoDays.Share(decided, c => c.Any(e => e.Type == EventTypes.CaseRejected)), 0.04, 0.07);
    }

    [Fact]
    public void Closed_after_due_at_between_five_and_twenty_percent()
    {
        // Cases filed with a due time (12345 work orders give a limit instead); an extension moves it.
        var withDueTime = Closed.Where(c => c.Single(e => e.Type == EventTypes.CaseFiled).DueAt is not null).ToList();
        var late = TwoDays.Share(withDueTime, c =>
            c.Last(e => e.Type == EventTypes.CaseClosed).OccurredAt > c.Last(e => e.Type is EventTypes.CaseFiled or EventTypes.CaseExtended).DueAt);

        Assert.InRange(late, 0.05, 0.20);
    }

    [Fact]
    public void Some_cases_stay_overdue_for_days()
    {
        var overdueNow = run.Cases.Values.Count(c =>
            c.SingleOrDefault(e => e.Type == EventTypes.CaseFiled) is { } filed
            && filed.DueAt < run.Now.AddDays(-1)
            && !c.Any(e => e.Type is EventTypes.CaseClosed));

        Assert.True(overdueNow > 0);
    }

    [Fact]
    public void Ratings_are_about_ninety_percent_satisfied()
    {
        var ratings = run.Events.Where(e => e.Type == EventTypes.CaseRated).ToList();
        Assert.InRange(TwoDays.Share(ratings, e => e.Score >= 4), 0.85, 0.95);
    }

    [Fact]
    public void Most_closed_cases_are_rated()
    {
        // Residents rate within half a day of the closing, so only closings older than that count.
        var closed = run.Cases.Values
            .Where(c => c.LastOrDefault(e => e.Type == EventTypes.CaseClosed) is { } close && close.OccurredAt < run.Now.AddHours(-12.5))
            .ToList();
        Assert.InRange(TwoDays.Share(closed, c => c.Any(e => e.Type == EventTypes.CaseRated)), 0.6, 0.8);
    }

    [Fact]
    public void Filed_cases_are_due_within_their_levels_limit()
    {
        foreach (var steps in run.WholeCases)
        {
            if (steps.SingleOrDefault(e => e.Type == EventTypes.CaseFiled) is not { } filed) continue;
            if (filed.LimitHours is { } hours)
            {
                // 12345 work orders: urgent ones in natural hours, ordinary ones in working hours (工作时).
                Assert.Equal("hotline", steps[0].Kind);
                var (kind, min, max) = steps[0].Level switch { "critical" => ("natural", 2, 2), "major" => ("natural", 8, 8), _ => ("working", 24, 72) };
                Assert.Equal(kind, filed.LimitKind);
                Assert.InRange(hours, min, max);
            }
            else
            {
                var limit = filed.DueAt!.Value - filed.OccurredAt;
                var expected = steps[0].Level switch
                {
                    "critical" => (TimeSpan.FromHours(2), TimeSpan.FromHours(2)),
                    "major" => (TimeSpan.FromHours(8), TimeSpan.FromHours(8)),
                    _ => (TimeSpan.FromHours(12), TimeSpan.FromHours(72)),
                };
                Assert.InRange(limit, expected.Item1, expected.Item2);
            }
            Assert.InRange(filed.OccurredAt - steps[0].OccurredAt, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(40));
        }
    }

    [Fact]
    public void Hotline_cases_are_filed_with_a_limit_and_others_with_a_due_time()
    {
        foreach (var steps in run.WholeCases)
        {
            if (steps.SingleOrDefault(e => e.Type == EventTypes.CaseFiled) is not { } filed) continue;
            Assert.Equal(steps[0].Kind == "hotline", filed.LimitHours is not null);
        }
    }

    [Fact]
    public void Orders_are_picked_up_by_party_members_other_cases_by_departments()
    {
        foreach (var steps in run.WholeCases)
        {
            if (steps.FirstOrDefault(e => e.Type == EventTypes.CaseResponded) is not { } response) continue;
            if (steps[0].Kind == "order")
            {
                Assert.NotNull(response.MemberId);
                Assert.Null(response.Department);
            }
            else
            {
                // A department answers by its id; a body that is not one (社区居委会, 物业服务企业) names no one.
                Assert.Null(response.MemberId);
                var dispatched = steps.First(e => e.Type == EventTypes.CaseDispatched).Department!;
                if (response.Department is { } department) Assert.True(TestDepartments.ById.ContainsKey(department), department);
                else Assert.Contains(dispatched, TestDepartments.NotDepartments);
            }
        }
    }
}
