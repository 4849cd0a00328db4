using CityScreen.Domain.Cases;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests;

public class CaseFileFacts
{
    [Fact]
    public void A_reopening_after_the_closing_reopens_the_case()
    {
        var s = new CaseSteps("AJ1");
        var file = new CaseFile("AJ1");
        file.Apply(s.Filed(Local(1, 9), Local(2, 9)));
        file.Apply(s.Resolved(Local(1, 12)));
        file.Apply(s.Closed(Local(1, 13)));
        Assert.False(file.IsOpen);

        file.Apply(s.Reopened(Local(1, 14)));

        Assert.True(file.IsOpen);
        Assert.Null(file.ClosedAt);
        Assert.Null(file.ResolvedAt);
        Assert.Equal(1, file.Reopenings);
    }

    [Fact]
    public void Steps_in_any_order_give_the_same_case()
    {
        var s = new CaseSteps("AJ2");
        var steps = new[]
        {
            s.Reported(Local(1, 8)), s.Filed(Local(1, 9), Local(1, 17)), s.Dispatched(Local(1, 9, 20), whistle: true),
            s.Responded(Local(1, 9, 40)), s.Resolved(Local(1, 12)), s.Reopened(Local(1, 13)),
            s.Resolved(Local(1, 15)), s.Closed(Local(1, 16)), s.Rated(Local(1, 18), 5),
        };
        var inOrder = Describe(steps);

        var random = new Random(7);
        for (var i = 0; i < 50; i++)
            Assert.Equal(inOrder, Describe(steps.OrderBy(_ => random.Next()).ToArray()));
    }

    private static string Describe(IEnumerable<Contracts.Events.CityEvent> steps)
    {
        var f = new CaseFile("x");
        foreach (var e in steps) f.Apply(e);
        return $"{f.ReportedAt}|{f.FiledAt}|{f.DueAt}|{f.DispatchedAt}|{f.RespondedAt}|{f.ResolvedAt}|{f.ClosedAt}|{f.Reopenings}|{f.Score}|{f.IsOpen}|{f.Whistled}";
    }
}
