using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

/// <summary>街道吹哨、部门报到 over four weeks at the demo's rate.</summary>
[Collection(SimulatedMonthCollection.Name)]
public class WhistleFacts(SimulatedMonth month)
{
    private List<CityEvent> Whistles => [.. month.Of(EventTypes.CaseWhistled)];

    [Fact]
    public void Each_street_blows_the_whistle_a_few_times_a_week()
    {
        var perWeek = TestCity.StreetIds.ToDictionary(s => s, s => Whistles.Count(e => e.By == s) / (double)SimulatedMonth.Weeks);

        Assert.All(perWeek.Values, n => Assert.InRange(n, 1, 7));
        Assert.InRange(perWeek.Values.Average(), 2, 4);
    }

    [Fact]
    public void Every_whistle_event_has_the_fields_of_its_type()
    {
        Assert.NotEmpty(month.RareEvents);
        Assert.All(month.RareEvents, EventFieldFacts.AssertFieldsOf);
    }

    [Fact]
    public void Summoned_departments_serve_the_street_of_the_case()
    {
        Assert.All(Whistles, e =>
        {
            Assert.Equal(TestCity.StreetOf(e.GridId!), e.By);
            Assert.All(e.Departments!, d => Assert.True(TestDepartments.Serves(d, e.By!), $"{d} does not serve {e.By}"));
        });
        // Street stations (站所) are summoned too, not only the district's departments.
        Assert.Contains(Whistles, e => e.Departments!.Any(d => TestDepartments.ById[d].StreetLevel));
        Assert.Contains(Whistles, e => e.Departments!.Length > 1);
    }

    [Fact]
    public void Streets_whistle_for_a_fraction_of_the_hard_cases_after_dispatching_them()
    {
        var whistled = Whistles.Where(e => month.Cases.ContainsKey(e.CaseId!)).ToList();
        Assert.NotEmpty(whistled);
        Assert.All(whistled, e => Assert.NotEqual("normal", month.Cases[e.CaseId!].Level));
        Assert.All(whistled, e => Assert.Contains(EventTypes.CaseDispatched, month.Cases[e.CaseId!].Types));
        var hard = month.Cases.Values.Count(c => c.Level != "normal" && c.Kind != "order" && c.Filed);
        Assert.InRange(whistled.Count / (double)hard, 0.01, 0.15);
    }

    [Fact]
    public void Every_summoned_department_arrives_once_mostly_within_its_limit()
    {
        // Whistles a day before the end: every department has arrived by then.
        foreach (var whistle in Whistles.Where(e => e.OccurredAt < SimulatedMonth.To.AddDays(-1)))
        {
            var arrived = month.Arrivals.Where(a => a.Whistle.Id == whistle.Id).Select(a => a.Department).Order().ToList();
            Assert.Equal(whistle.Departments!.Order(), arrived);
        }
        Assert.InRange(TwoDays.Share(month.Arrivals, a => a.InTime), 0.70, 0.95);
        Assert.Contains(Whistles, e => e.RespondWithinMinutes is not null);
    }

    [Fact]
    public void Departments_differ_lastingly_in_how_fast_they_arrive()
    {
        var means = month.Arrivals.GroupBy(a => a.Department).Where(g => g.Count() >= 5)
            .Select(g => g.Average(a => a.After.TotalMinutes)).ToList();

        Assert.True(means.Count >= 5, $"{means.Count} departments with five arrivals");
        Assert.True(means.Max() - means.Min() > 15, $"means from {means.Min():0} to {means.Max():0} minutes");
    }

    [Fact]
    public void At_month_end_each_street_rates_every_department_it_summoned()
    {
        var ratings = month.Of(EventTypes.DepartmentRated).ToList();
        var september = Whistles.Where(e => e.OccurredAt.Month == 9)
            .SelectMany(e => e.Departments!.Select(d => (Street: e.By!, Department: d))).ToHashSet();

        Assert.NotEmpty(september);
        Assert.All(ratings, e =>
        {
            Assert.Equal("2026-09", e.Period);
            Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TestCity.Offset), e.OccurredAt);
            Assert.Contains(e.CommunityId!, TestCity.CommunityIds);
        });
        // The run's whistles, and those of the warm-up before it, all earn a rating, each one once.
        Assert.Superset(september, ratings.Select(e => (Street: e.By!, Department: e.Department!)).ToHashSet());
        Assert.Equal(ratings.Count, ratings.Select(e => e.Id).Distinct().Count());
    }
}
