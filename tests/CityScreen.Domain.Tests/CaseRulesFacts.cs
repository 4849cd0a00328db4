using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests;

/// <summary>The rules the live indicators, the rollups and the drill-down share (docs/domain.md §3).</summary>
public class CaseRulesFacts
{
    private static CaseFile File(params CityEvent[] steps)
    {
        var file = new CaseFile(steps[0].CaseId!);
        foreach (var s in steps) file.Apply(s);
        return file;
    }

    [Fact]
    public void A_case_falls_due_when_closed_or_when_its_limit_passes_whichever_is_first()
    {
        var s = new CaseSteps("due");
        var closedEarly = File(s.Reported(Local(20, 8)), s.Filed(Local(20, 9), due: Local(20, 18)), s.Closed(Local(20, 12)));
        var t = new CaseSteps("late");
        var closedLate = File(t.Reported(Local(20, 8)), t.Filed(Local(20, 9), due: Local(20, 18)), t.Closed(Local(21, 9)));

        Assert.Equal(Local(20, 12), CaseRules.FallsDueForClosing(closedEarly, Local(22, 0)));
        Assert.True(CaseRules.ClosedOnTime(closedEarly, Local(22, 0)));
        Assert.Equal(Local(20, 18), CaseRules.FallsDueForClosing(closedLate, Local(22, 0)));
        Assert.False(CaseRules.ClosedOnTime(closedLate, Local(22, 0)));
        // Before its limit and before the closing is known, the late case has not fallen due yet.
        Assert.Null(CaseRules.FallsDueForClosing(closedLate, Local(20, 17)));
        // A closing after the instant asked about is not known at it.
        Assert.False(CaseRules.IsClosed(closedLate, Local(20, 19)));
    }

    [Fact]
    public void A_wall_alarm_stands_for_a_major_or_red_case_until_it_is_resolved_closed_or_rejected()
    {
        var m = new CaseSteps("major");
        var major = File(m.Reported(Local(20, 8), level: "major"), m.Filed(Local(20, 9), due: Local(21, 18)));
        var r = new CaseSteps("red");
        var red = File(r.Reported(Local(20, 8)), r.Filed(Local(20, 9), due: Local(20, 18)));
        var resolved = File(m.Reported(Local(20, 8), level: "major"), m.Filed(Local(20, 9), due: Local(21, 18)), m.Resolved(Local(20, 11)));

        Assert.True(CaseRules.AlarmStands(major, major.Level, Local(20, 10)));
        // A normal case alarms once it is red, not before.
        Assert.False(CaseRules.AlarmStands(red, red.Level, Local(20, 17)));
        Assert.True(CaseRules.AlarmStands(red, red.Level, Local(20, 19)));
        Assert.False(CaseRules.AlarmStands(resolved, resolved.Level, Local(20, 12)));
    }

    [Fact]
    public void A_rejected_case_never_falls_due_and_is_not_open()
    {
        var s = new CaseSteps("rejected");
        var file = File(s.Reported(Local(20, 8)), s.Filed(Local(20, 9), due: Local(20, 18)), s.Rejected(Local(20, 10)));

        Assert.Null(CaseRules.FallsDueForClosing(file, Local(22, 0)));
        Assert.Null(CaseRules.FallsDueForResolution(file, Local(22, 0)));
        Assert.False(CaseRules.IsOpen(file));
        Assert.Equal(CaseStatus.Rejected, CaseRules.Status(file));
        Assert.False(CaseRules.WasOverdueAt(file, Local(21, 0)));
    }

    [Fact]
    public void An_open_case_is_yellow_from_80_percent_of_its_limit_and_red_past_it()
    {
        var s = new CaseSteps("light");
        var file = File(s.Reported(Local(20, 8)), s.Filed(Local(20, 10), due: Local(20, 20)));   // a 10-hour limit

        Assert.False(CaseRules.IsYellow(file, Local(20, 17, 59)));
        Assert.True(CaseRules.IsYellow(file, Local(20, 18)));
        Assert.True(CaseRules.IsYellow(file, Local(20, 20)));
        Assert.False(CaseRules.IsOverdue(file, Local(20, 20)));
        Assert.True(CaseRules.IsOverdue(file, Local(20, 20, 1)));
        Assert.False(CaseRules.IsYellow(file, Local(20, 20, 1)));
        Assert.Equal(Local(20, 18), CaseRules.TurnsYellowAt(file));
        // The rollups' 红灯 at the end of a day: open then and past the limit.
        Assert.True(CaseRules.WasOverdueAt(file, Local(21, 0)));
        Assert.False(CaseRules.WasOverdueAt(file, Local(20, 20)));
    }

    [Fact]
    public void A_whistle_is_decided_once_answered_or_once_its_30_minutes_ran_out()
    {
        var s = new CaseSteps("whistle");
        var dispatched = Local(20, 9);
        var unanswered = File(s.Reported(Local(20, 8)), s.Filed(Local(20, 8, 30), due: Local(21, 8)), s.Dispatched(dispatched, whistle: true));
        var t = new CaseSteps("answered");
        var answered = File(t.Reported(Local(20, 8)), t.Filed(Local(20, 8, 30), due: Local(21, 8)), t.Dispatched(dispatched, whistle: true), t.Responded(dispatched.AddMinutes(30)));
        var u = new CaseSteps("no-whistle");
        var plain = File(u.Reported(Local(20, 8)), u.Dispatched(dispatched), u.Responded(dispatched.AddMinutes(5)));

        Assert.Empty(CaseRules.DecidedWhistles(unanswered, dispatched.AddMinutes(30)));
        Assert.Equal([(dispatched, false)], CaseRules.DecidedWhistles(unanswered, dispatched.AddMinutes(31)));
        Assert.Equal([(dispatched, false)], CaseRules.DecidedWhistles(unanswered, Local(21, 0)));
        Assert.Equal([(dispatched, true)], CaseRules.DecidedWhistles(answered, dispatched.AddMinutes(30)));
        // Asked before the answer came, the whistle is still open.
        Assert.Empty(CaseRules.DecidedWhistles(answered, dispatched.AddMinutes(29)));
        Assert.Empty(CaseRules.DecidedWhistles(plain, Local(21, 0)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void A_rating_of_4_or_5_is_satisfied(int score, bool satisfied)
    {
        var s = new CaseSteps("rated");
        var file = File(s.Reported(Local(20, 8)), s.Rated(Local(20, 12), score));

        Assert.Equal((Local(20, 12), satisfied), CaseRules.Rating(file));
    }

    [Fact]
    public void A_12345_report_repeats_one_of_the_same_category_within_30_days_before_it()
    {
        CaseFile Hotline(string id, DateTimeOffset at, string category = "噪音扰民", string kind = "hotline") =>
            File(new CaseSteps(id).Reported(at, kind, category: category));
        var first = Hotline("h1", Local(1, 9));
        var repeat = Hotline("h2", Local(20, 9));
        var sameInstant = Hotline("h3", Local(20, 9));
        var otherCategory = Hotline("h4", Local(21, 9), "物业管理");
        var notHotline = Hotline("h5", Local(21, 9), kind: "event");

        Assert.True(CaseRules.Repeats(repeat, first));
        Assert.False(CaseRules.Repeats(first, repeat));
        Assert.True(CaseRules.Repeats(sameInstant, repeat));   // same instant: ordered by case id
        Assert.False(CaseRules.Repeats(repeat, sameInstant));
        Assert.False(CaseRules.Repeats(otherCategory, repeat));
        Assert.False(CaseRules.Repeats(notHotline, repeat));
        Assert.False(CaseRules.Repeats(Hotline("h6", Local(1, 9).AddDays(31)), first));
    }

    [Fact]
    public void An_order_is_taken_once_someone_responded_to_it()
    {
        var s = new CaseSteps("order");
        var file = File(s.Reported(Local(20, 8), "order"), s.Responded(Local(20, 9), memberId: "m1"));

        Assert.True(CaseRules.IsOrder(file));
        Assert.False(CaseRules.OrderTaken(file, Local(20, 8, 30)));
        Assert.True(CaseRules.OrderTaken(file, Local(20, 9)));
    }
}
