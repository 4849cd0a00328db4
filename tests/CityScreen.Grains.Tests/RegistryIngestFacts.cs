using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Ingest;

namespace CityScreen.Grains.Tests;

/// <summary>
/// The 共驻共建 registries on a real cluster and store: references to units, needs and projects
/// may arrive before what they name within a day and are reconciled; older ones naming nothing
/// known are refused, naming the item, and nothing of the request is stored.
/// </summary>
public class RegistryIngestFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Community = "1121", Grid = "11211";

    [Fact]
    public async Task A_claim_before_its_project_is_accepted_within_a_day_and_counts_once_the_project_arrives()
    {
        var now = fixture.Clock.Now;
        var e = new RegistryEvents("ooo", Community, now);
        await fixture.Ingestor.IngestAsync([e.Claim("P1", "U1", now.AddMinutes(-5))]);
        await fixture.Ingestor.IngestAsync([e.Unit("U1", now.AddMinutes(-60), agreement: true), e.Need("N1", now.AddMinutes(-50)), e.Project("P1", ["N1"], now.AddMinutes(-30))]);

        await Eventually.HoldsAsync(async () =>
        {
            var v = (await fixture.Cluster.Client.GetSnapshotAsync(fixture.Tree.Get(Community))).Values;
            var seen = (v[Counter.ProjectsPublishedYear], v[Counter.ProjectsClaimedYear], v[Counter.NeedsListed], v[Counter.NeedsCovered], v[Counter.UnitsWithAgreement]);
            return (seen == (1, 1, 1, 1, 1), $"published, claimed, needs, covered, agreements {seen}");
        });
    }

    [Fact]
    public async Task An_old_reference_to_an_unknown_project_is_refused_naming_the_item_and_nothing_is_stored()
    {
        var now = fixture.Clock.Now;
        var e = new RegistryEvents("old", Community, now);
        var before = await fixture.Store.CountAsync();
        var errors = new ValidationErrors();

        var outcome = await fixture.Ingestor.IngestAsync(
            [e.Unit("U9", now.AddDays(-3), agreement: false), e.Claim("P-missing", "U9", now.AddDays(-2)), e.Rating("P-missing", now.AddDays(-2))],
            errors, isBatch: true);

        Assert.False(outcome.IsValid);
        // The unit is listed in the same request, so only the project is unknown.
        Assert.Equal(["[1].projectId", "[2].projectId"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("project 'P-missing'", errors.ToDictionary()["[1].projectId"][0]);
        Assert.Equal(before, await fixture.Store.CountAsync());
    }

    [Fact]
    public async Task An_old_reference_to_an_item_stored_before_is_accepted_after_the_cache_is_cold()
    {
        var now = fixture.Clock.Now;
        var e = new RegistryEvents("cold", Community, now);
        // Stored behind the ingestor's back, as another host would.
        await fixture.Store.AppendAsync([e.Unit("U5", now.AddDays(-10), agreement: true), e.Project("P5", ["N5"], now.AddDays(-9)) with { NeedIds = [], ResourceIds = ["R5"] }]);

        var outcome = await fixture.Ingestor.IngestAsync([e.Claim("P5", "U5", now.AddDays(-8))]);

        Assert.True(outcome.IsValid);
    }

    /// <summary>Builds registry events of one community with ids prefixed per test.</summary>
    private sealed class RegistryEvents(string prefix, string community, DateTimeOffset now)
    {
        private int _n;

        private CityEvent Base(string type, DateTimeOffset at) => new()
        {
            Id = $"{prefix}-{++_n}", Type = type, OccurredAt = at, CommunityId = community, Source = "party-cloud",
        };

        public CityEvent Unit(string id, DateTimeOffset at, bool agreement) => Base(EventTypes.UnitRegistered, at) with
        {
            UnitId = id, Name = "延安市人民医院", Kind = "医院", AgreementSignedAt = agreement ? at : null,
        };

        public CityEvent Need(string id, DateTimeOffset at) => Base(EventTypes.NeedListed, at) with
        {
            CommunityId = null, GridId = Grid, NeedId = id, Category = "助老", Title = "助餐", Origin = "走访",
        };

        public CityEvent Project(string id, string[] needs, DateTimeOffset at) => Base(EventTypes.ProjectPublished, at) with
        {
            ProjectId = id, Title = "老年助餐点", NeedIds = needs, ResourceIds = [],
        };

        public CityEvent Claim(string project, string unit, DateTimeOffset at) => Base(EventTypes.ProjectClaimed, at) with { ProjectId = project, UnitId = unit };

        public CityEvent Rating(string project, DateTimeOffset at) => Base(EventTypes.ProjectRated, at) with { ProjectId = project, Score = 5 };

        public DateTimeOffset Now => now;
    }
}
