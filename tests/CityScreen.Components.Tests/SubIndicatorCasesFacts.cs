using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;
using CityScreen.Server.Cases;
using CityScreen.Server.Components.Pages;

namespace CityScreen.Components.Tests;

/// <summary>Which cases a sub-indicator of the index counts in a grid, over the 30 days ending on the index's date.</summary>
public class SubIndicatorCasesFacts
{
    private static readonly WallScene Scene = new();
    private static readonly DateOnly Date = new(2026, 11, 21);
    private static DateTimeOffset Day(int day, int hour = 10) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static CaseRow Row(string id, CaseKind kind = CaseKind.Event, DateTimeOffset? reported = null, DateTimeOffset? due = null, DateTimeOffset? closed = null,
        int reopenings = 0, int? score = null, string category = "市容环境") =>
        new(id, "标题", category, kind, CaseLevel.Normal, reported ?? Day(1), reported ?? Day(1), due, closed, closed is null ? CaseStatus.Open : CaseStatus.Closed,
            closed is null && due < Day(22), reopenings, score);

    [Fact]
    public void On_time_closure_lists_the_cases_falling_due_in_the_window_and_marks_those_closed_in_time()
    {
        CaseRow[] rows =
        [
            Row("closed-on-time", due: Day(20), closed: Day(19)),
            Row("closed-late", due: Day(10), closed: Day(12)),
            Row("overdue-open", due: Day(15)),
            Row("due-after-the-date", due: Day(23)),
            Row("closed-after-the-date", due: Day(25), closed: Day(22)),
            Row("never-filed-in-the-store", closed: Day(12)),
            Row("fell-due-before-the-window", reported: new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)), due: new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(8)), closed: new DateTimeOffset(2026, 10, 4, 9, 0, 0, TimeSpan.FromHours(8))),
        ];

        var ev08 = SubIndicatorCases.For("EV08", Date, Scene.Clock, rows)!;

        Assert.Equal(["closed-on-time", "closed-late", "overdue-open"], rows.Where(ev08.Counts).Select(r => r.CaseId));
        Assert.Equal(["closed-on-time"], rows.Where(ev08.Counts).Where(ev08.Meets).Select(r => r.CaseId));
    }

    [Fact]
    public void A_repeat_complaint_is_a_12345_report_after_another_of_the_same_category_within_30_days()
    {
        CaseRow[] rows =
        [
            Row("first", CaseKind.Hotline, reported: Day(2), category: "噪音扰民"),
            Row("repeat", CaseKind.Hotline, reported: Day(9), category: "噪音扰民"),
            Row("other-category", CaseKind.Hotline, reported: Day(10), category: "物业管理"),
            Row("not-hotline", CaseKind.Event, reported: Day(11), category: "噪音扰民"),
        ];

        var sa02 = SubIndicatorCases.For("SA02", Date, Scene.Clock, rows)!;

        Assert.Equal(["first", "repeat", "other-category"], rows.Where(sa02.Counts).Select(r => r.CaseId));
        Assert.Equal(["repeat"], rows.Where(sa02.Counts).Where(sa02.Meets).Select(r => r.CaseId));
    }

    [Fact]
    public void A_whistle_counts_once_answered_or_once_its_30_minutes_ran_out_and_is_met_when_answered_within_them()
    {
        var dispatched = Day(12, 9);
        CaseRow[] rows =
        [
            Row("answered-in-time") with { Whistled = true, DispatchedAt = dispatched, RespondedAt = dispatched.AddMinutes(20) },
            Row("answered-late") with { Whistled = true, DispatchedAt = dispatched, RespondedAt = dispatched.AddMinutes(45) },
            Row("unanswered") with { Whistled = true, DispatchedAt = dispatched },
            Row("no-whistle") with { DispatchedAt = dispatched, RespondedAt = dispatched.AddMinutes(5) },
            Row("whistled-after-the-date") with { Whistled = true, DispatchedAt = Day(22, 9) },
        ];

        var wb01 = SubIndicatorCases.For("WB01", Date, Scene.Clock, rows)!;

        Assert.Equal(["answered-in-time", "answered-late", "unanswered"], rows.Where(wb01.Counts).Select(r => r.CaseId));
        Assert.Equal(["answered-in-time"], rows.Where(wb01.Counts).Where(wb01.Meets).Select(r => r.CaseId));
    }

    [Fact]
    public void A_whistle_is_met_only_when_every_summoned_department_arrived_within_the_limit_timed_from_the_whistle()
    {
        // Dispatched 09:00 and answered 09:10, whistled 14:00 to two departments arriving 14:20 and 16:00.
        var whistled = Day(12, 14);
        CaseWhistle Whistle(DateTimeOffset second) =>
            new(whistled, TimeSpan.FromMinutes(30), [new Summons("610602-cgzf", whistled.AddMinutes(20)), new Summons("610602-zj", second)]);
        CaseRow[] rows =
        [
            Row("one-late") with { Whistled = true, DispatchedAt = Day(12, 9), RespondedAt = Day(12, 9).AddMinutes(10), WhistleList = [Whistle(Day(12, 16))] },
            Row("both-on-time") with { Whistled = true, DispatchedAt = Day(12, 9), WhistleList = [Whistle(whistled.AddMinutes(30))] },
        ];

        var wb01 = SubIndicatorCases.For("WB01", Date, Scene.Clock, rows)!;

        Assert.Equal(["one-late", "both-on-time"], rows.Where(wb01.Counts).Select(r => r.CaseId));
        Assert.Equal(["both-on-time"], rows.Where(wb01.Counts).Where(wb01.Meets).Select(r => r.CaseId));
    }

    [Fact]
    public void On_time_resolution_uses_the_resolution_not_the_closing()
    {
        CaseRow[] rows =
        [
            Row("resolved-in-time-closed-late", due: Day(10), closed: Day(12)) with { ResolvedAt = Day(9) },
            Row("resolved-late", due: Day(10), closed: Day(12)) with { ResolvedAt = Day(11) },
            Row("unresolved", due: Day(15)),
        ];

        var ev06 = SubIndicatorCases.For("EV06", Date, Scene.Clock, rows)!;

        Assert.Equal(["resolved-in-time-closed-late", "resolved-late", "unresolved"], rows.Where(ev06.Counts).Select(r => r.CaseId));
        Assert.Equal(["resolved-in-time-closed-late"], rows.Where(ev06.Counts).Where(ev06.Meets).Select(r => r.CaseId));
    }

    [Fact]
    public void Satisfaction_counts_the_ratings_given_in_the_window_as_the_rollups_do()
    {
        CaseRow[] rows =
        [
            Row("rated-5", due: Day(10), closed: Day(9)) with { RatedAt = Day(10), Score = 5 },
            Row("rated-2", due: Day(10), closed: Day(9)) with { RatedAt = Day(11), Score = 2 },
            // Closed in the window, rated after its date: the index of that date has not seen the rating.
            Row("rated-after-the-date", due: Day(21), closed: Day(20)) with { RatedAt = Day(22), Score = 5 },
            Row("unrated", due: Day(10), closed: Day(9)),
        ];

        var sa01 = SubIndicatorCases.For("SA01", Date, Scene.Clock, rows)!;

        Assert.Equal(["rated-5", "rated-2"], rows.Where(sa01.Counts).Select(r => r.CaseId));
        Assert.Equal(["rated-5"], rows.Where(sa01.Counts).Where(sa01.Meets).Select(r => r.CaseId));
    }

    [Fact]
    public void A_case_rejected_after_its_filing_never_falls_due()
    {
        CaseRow[] rows =
        [
            Row("filed-then-rejected", due: Day(10)) with { Status = CaseStatus.Rejected, RejectedAt = Day(2), Overdue = false },
            Row("overdue-open", due: Day(15)),
        ];

        Assert.Equal(["overdue-open"], rows.Where(SubIndicatorCases.For("EV08", Date, Scene.Clock, rows)!.Counts).Select(r => r.CaseId));
        Assert.Equal(["overdue-open"], rows.Where(SubIndicatorCases.For("EV03K", Date, Scene.Clock, rows)!.Counts).Select(r => r.CaseId));
    }

    [Theory]
    [InlineData("PM03")]
    [InlineData("NR01")]
    public void Sub_indicators_that_count_no_cases_have_no_case_list(string id) =>
        Assert.Null(SubIndicatorCases.For(id, Date, Scene.Clock, []));
}
