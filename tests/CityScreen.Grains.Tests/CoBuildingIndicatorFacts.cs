using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;

namespace CityScreen.Grains.Tests;

/// <summary>
/// The 共驻共建 indicators of one community, worked out by hand, on a real cluster: each member counted
/// once however many grids they serve, the roster as PM01's denominator where there is one, and the
/// list rates the same whether references arrive before or after what they name.
/// </summary>
public class CoBuildingIndicatorFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Community = "1111", Street = "111";

    [Fact]
    public async Task A_member_serving_in_three_grids_counts_once_against_the_roster_of_the_community()
    {
        var at = fixture.Clock.Now.AddHours(-2);
        var n = 0;
        CityEvent Event(string type, string grid) => new() { Id = $"pm-{++n}", Type = type, OccurredAt = at.AddMinutes(n), GridId = grid, Source = "party-cloud" };
        CityEvent Register(string member, string grid) => Event(EventTypes.MemberRegistered, grid) with { MemberId = member, UnitId = "EMP-1" };
        CityEvent Checkin(string member, string grid) => Event(EventTypes.MemberCheckin, grid) with { MemberId = member, UnitId = "EMP-1" };

        await fixture.Ingestor.IngestAsync(
        [
            // Rosters in grids 11111 and 11112; grid 11113 has none (20 expected, as every test grid).
            Register("M1", "11111"), Register("M2", "11111"), Register("M3", "11112"), Register("M4", "11112"),
            Checkin("M1", "11111"), Checkin("M1", "11112"), Checkin("M1", "11113"), Checkin("M3", "11112"),
            // X is on no roster and serves where there is one: not counted. Y and Z serve where there is none: counted once each.
            Checkin("X", "11111"), Checkin("Y", "11113"), Checkin("Z", "11113"), Checkin("Z", "11113"),
        ]);

        // Community: serving {M1, M3, Y, Z} = 4 over roster 4 + 20 expected in the grid without one.
        await ExpectAsync(Community, v => (v[Counter.MembersServing30], v[Counter.MembersExpected], v[Counter.MembersRegistered]), (4L, 24L, 4L));
        await ExpectAsync("11111", v => (v[Counter.MembersServing30], v[Counter.MembersExpected], v[Counter.MembersRegistered]), (1L, 2L, 2L));
        await ExpectAsync("11113", v => (v[Counter.MembersServing30], v[Counter.MembersExpected], v[Counter.MembersRegistered]), (3L, 20L, 0L));
        // The street adds its other community's 3 grids × 20 expected; nobody serves there.
        await ExpectAsync(Street, v => (v[Counter.MembersServing30], v[Counter.MembersExpected], v[Counter.MembersRegistered]), (4L, 84L, 4L));
        var pm01 = IndicatorCatalog.Get("PM01").ValueOf((await SnapshotAsync(Community)).Values);
        Assert.Equal(4.0 / 24, pm01!.Value, 6);
    }

    [Fact]
    public async Task The_list_rates_of_a_community_come_out_the_same_when_claims_and_ratings_arrive_before_their_projects()
    {
        const string other = "1121";
        var now = fixture.Clock.Now;
        var n = 0;
        CityEvent Event(string type) => new() { Id = $"cb-{++n}", Type = type, OccurredAt = now.AddHours(-6).AddMinutes(n), CommunityId = other, Source = "party-cloud" };
        CityEvent Unit(string id, bool agreement) => Event(EventTypes.UnitRegistered) with { UnitId = id, Name = "单位" + id, Kind = "国企", AgreementSignedAt = agreement ? now.AddDays(-1) : null };
        CityEvent Need(string id) => Event(EventTypes.NeedListed) with { NeedId = id, Category = "助老", Title = "需求" + id, Origin = "走访" };
        CityEvent Project(string id, string[] needs, string[] resources) => Event(EventTypes.ProjectPublished) with { ProjectId = id, Title = "项目" + id, NeedIds = needs, ResourceIds = resources };
        CityEvent Meeting(string kind) => Event(EventTypes.MeetingHeld) with { OrgId = "dgw", MeetingKind = kind };

        // Sent first, within the day's window: claims, a completion and ratings of projects not yet published.
        var early = new List<CityEvent>
        {
            Event(EventTypes.ProjectClaimed) with { ProjectId = "P1", UnitId = "U1" },
            Event(EventTypes.ProjectClaimed) with { ProjectId = "P2", UnitId = "U3" },
            Event(EventTypes.ProjectCompleted) with { ProjectId = "P1", UnitId = "U1" },
            Event(EventTypes.ProjectRated) with { ProjectId = "P1", Score = 5 },
            Event(EventTypes.ProjectRated) with { ProjectId = "P1", Score = 3 },
        };
        var later = new List<CityEvent>
        {
            Unit("U1", agreement: true), Unit("U2", agreement: false), Unit("U3", agreement: true),
            Need("N1"), Need("N2"), Need("N3"), Need("N4"),
            Event(EventTypes.ResourceListed) with { ResourceId = "R1", UnitId = "U1", Category = "医疗", Title = "义诊" },
            Project("P1", ["N1", "N2"], []), Project("P2", ["N2", "N3"], ["R1"]),
            Meeting("joint") with { AttendeeUnits = ["U1", "U2"] },
            Meeting("consultation") with { Concluded = true }, Meeting("consultation"), Meeting("主题党日"),
            Event(EventTypes.SiteServed) with { SiteId = "s1", People = 12 }, Event(EventTypes.SiteServed) with { SiteId = "s1", People = 8 },
            Event(EventTypes.PointsAwarded) with { PersonId = "R-1", Points = 30 },
            Event(EventTypes.PointsRedeemed) with { UnitId = "U1", Points = 10 },
        };
        foreach (var e in early) Assert.True((await fixture.Ingestor.IngestAsync([e])).IsValid);
        await fixture.Ingestor.IngestAsync(later);

        var expected = new Dictionary<string, (long, long)>
        {
            ["UN02"] = (2, 3), ["UN03"] = (2, 3), ["NR01"] = (3, 4), ["PJ01"] = (1, 2), ["PJ02"] = (2, 2), ["PJ03"] = (1, 2), ["CS01"] = (1, 2),
            ["UN01"] = (3, 0), ["ST01"] = (20, 0), ["LP01"] = (30, 0), ["LP02"] = (10, 0),
        };
        await Eventually.HoldsAsync(async () =>
        {
            var v = (await SnapshotAsync(other)).Values;
            var seen = expected.Keys.ToDictionary(id => id, id =>
            {
                var d = IndicatorCatalog.Get(id);
                return (v[d.Numerator], d.Denominator is { } den ? v[den] : 0L);
            });
            return (seen.All(kv => expected[kv.Key] == kv.Value), string.Join(", ", seen.Select(kv => $"{kv.Key} {kv.Value}")));
        });
        // A meeting of another kind still counts as held (组织生活), as before.
        Assert.Equal(4, (await SnapshotAsync(other)).Values[Counter.Meetings30]);
    }

    private Task<IndicatorSnapshot> SnapshotAsync(string area) => fixture.Cluster.Client.GetSnapshotAsync(fixture.Tree.Get(area));

    private async Task ExpectAsync(string area, Func<IndicatorValues, (long, long, long)> read, (long, long, long) expected) =>
        await Eventually.HoldsAsync(async () =>
        {
            var seen = read((await SnapshotAsync(area)).Values);
            return (seen == expected, $"{area}: serving, expected, registered {seen}, wanted {expected}");
        });
}
