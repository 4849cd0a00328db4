using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

/// <summary>The service sites' tallies (site.served): hourly live, daily in the history, by the sites' kinds and hours.</summary>
[Collection(TwoDaysCollection.Name)]
public class SiteTallyFacts(TwoDays run)
{
    private static readonly IReadOnlySet<string> TestCitySites = new CitySimulator(TestCity.Grids, new SimulatorOptions { Seed = 7 }, TestCity.Zone)
        .Context.Sites.Select(s => s.Id).ToHashSet();

    [Fact]
    public void The_demo_sites_of_the_test_city_communities_send_tallies_in_their_own_community()
    {
        var sites = new CitySimulator(TestCity.Grids, new SimulatorOptions { Seed = 7 }, TestCity.Zone).Context.Sites;
        Assert.NotEmpty(sites);
        Assert.All(sites, s => Assert.Contains(s.CommunityId, TestCity.CommunityIds));
        var tallies = run.History.Concat(run.Events).Where(e => e.Type == EventTypes.SiteServed).ToList();
        Assert.All(tallies, e =>
        {
            Assert.Contains(e.SiteId!, TestCitySites);
            Assert.Equal(sites.Single(s => s.Id == e.SiteId).CommunityId, e.CommunityId);
            Assert.Null(e.GridId);
            Assert.InRange(e.People!.Value, 1, 10_000);
        });
    }

    [Fact]
    public void Live_tallies_come_hourly_in_opening_hours_and_a_help_desk_serves_fewer_than_a_service_centre()
    {
        var live = run.Events.Where(e => e.Type == EventTypes.SiteServed).ToList();
        Assert.NotEmpty(live);
        // Sent a few minutes after the hour they count; no site is open between 22:00 and 7:00.
        Assert.All(live, e => Assert.InRange(e.OccurredAt.Minute, 0, 8));
        Assert.DoesNotContain(live, e => e.OccurredAt.Hour is >= 23 or < 8);
        double PerSite(string kind) => live.Where(e => e.SiteId!.EndsWith(kind, StringComparison.Ordinal)).Sum(e => e.People!.Value)
            / (double)Math.Max(1, TestCitySites.Count(s => s.EndsWith(kind, StringComparison.Ordinal)));
        // The run's two days are a weekend and a workday's first hours (Sat 8:00 to Mon 8:00): centres serve dozens a day.
        Assert.InRange(PerSite("-dqfw") / 2, 30, 150);
        Assert.True(PerSite("-bbz") < PerSite("-dqfw"));
    }

    [Fact]
    public void The_history_gives_each_site_a_month_of_daily_tallies_so_ST01_is_whole_on_the_first_screen()
    {
        var days = run.History.Where(e => e.Type == EventTypes.SiteServed).ToList();
        Assert.All(days, e => Assert.True(e.OccurredAt < run.Start && e.OccurredAt >= run.Start.AddDays(-30), e.Id));
        var centres = days.Where(e => e.SiteId!.EndsWith("-dqfw", StringComparison.Ordinal)).ToList();
        Assert.InRange(centres.Count / (double)TestCitySites.Count(s => s.EndsWith("-dqfw", StringComparison.Ordinal)), 28, 30);
        Assert.InRange(centres.Average(e => e.People!.Value), 50, 140);
        Assert.Equal(days.Count, days.Select(e => e.Id).Distinct().Count());
    }
}
