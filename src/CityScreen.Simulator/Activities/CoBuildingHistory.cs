using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Activities;

/// <summary>
/// The 共驻共建 history of every community up to the start of a run (docs/domain.md §9): resident units
/// registering over half a year and most signing agreements, the roster of employed members (each
/// with their employer unit and a home grid), needs listed from visits, orders and consultations,
/// resources offered by units, projects published monthly and at the quarterly joint meetings
/// (联席会议) claimed there in a burst by the units attending, completed over the following weeks and rated,
/// consultations held, the last month's check-ins of the active members, points redeemed, the service
/// sites' daily tallies of the last month. Ids are
/// those the live stream uses (<see cref="Community"/>),
/// so the history and the live events join; drawn from the seed and the community id, so the same
/// seed gives the same history. Every reference comes after what it names.
/// </summary>
internal sealed class CoBuildingHistory(SimulationContext context)
{
    /// <summary>How far back the registries go.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(180);

    /// <summary>Share of expected members who have registered (报到率 of the roster).</summary>
    public const double RegisteredShare = 0.92;

    public IReadOnlyList<CityEvent> Until(DateTimeOffset start)
    {
        var events = new List<CityEvent>();
        foreach (var community in context.Roster.Communities) AddCommunity(community, start, events);
        AddSiteDays(start, events);
        return [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => Order(e.Type)).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    private void AddCommunity(Community c, DateTimeOffset start, List<CityEvent> events)
    {
        var random = new Random((int)GridPlaces.StableHash($"{context.Seed}/{c.Id}/cobuilding"));
        var from = start - Span;
        DateTimeOffset Between(DateTimeOffset a, DateTimeOffset b) => a + TimeSpan.FromMinutes(random.NextDouble() * Math.Max(1, (b - a).TotalMinutes));
        CityEvent Event(string type, string stem, DateTimeOffset at) => new()
        {
            Id = context.EventId($"gj-{c.Id}-{stem}"), Type = type, OccurredAt = context.Clock.ToLocal(at.UtcTicks), CommunityId = c.Id, Source = context.Source,
        };

        var registered = new List<(string Id, DateTimeOffset At)>();
        var resources = new List<(string Id, string Category, DateTimeOffset At)>();
        for (var u = 0; u < c.Units; u++)
        {
            var (name, kind) = CoBuildingNames.Units[(int)((GridPlaces.StableHash(c.Id) + (uint)u * 7) % (uint)CoBuildingNames.Units.Length)];
            var at = Between(from, start - TimeSpan.FromDays(20));
            var agreement = random.NextDouble() < 0.8 ? at + TimeSpan.FromDays(random.Next(1, 30)) : (DateTimeOffset?)null;
            events.Add(Event(EventTypes.UnitRegistered, $"u{u}", at) with
            {
                UnitId = c.UnitId(u), Name = name, Kind = kind, PartyMembers = random.Next(8, 160),
                AgreementSignedAt = agreement is { } signed && signed < start ? context.Clock.ToLocal(signed.UtcTicks) : null,
            });
            registered.Add((c.UnitId(u), at));
            for (var k = 0; k < 2; k++)
            {
                var category = CoBuildingVocabulary.Categories[random.Next(CoBuildingVocabulary.Categories.Count)];
                var offers = CoBuildingNames.ByCategory[category].Resources;
                var listed = at + TimeSpan.FromDays(random.Next(1, 15));
                var id = $"{c.UnitId(u)}-zy{k}";
                events.Add(Event(EventTypes.ResourceListed, $"r{u}-{k}", listed) with { ResourceId = id, UnitId = c.UnitId(u), Category = category, Title = offers[random.Next(offers.Length)] });
                resources.Add((id, category, listed));
            }
        }

        // The roster: members register with the grid they live in, naming the unit they work in.
        var grids = context.Roster.GridsOf(c);
        var roster = c.RegisteredMembers;
        for (var m = 0; m < roster; m++)
            events.Add(Event(EventTypes.MemberRegistered, $"m{m}", Between(from, start - TimeSpan.FromHours(1))) with
            {
                CommunityId = null, GridId = Community.HomeGrid(m, grids), MemberId = c.MemberId(m), UnitId = c.UnitOf(m), Name = PersonNames.For(c.MemberId(m)),
                Post = CoBuildingNames.Posts[random.Next(CoBuildingNames.Posts.Length)],
            });

        // The last month's service: most active members checked in once or more somewhere in the community,
        // so the registration rate (PM01) is meaningful on the first screen, not only after a month of running.
        for (var m = 0; m < Math.Min(roster, c.ActiveMembers); m++)
        {
            if (random.NextDouble() > 0.85) continue;
            var home = m % grids.Count;
            events.Add(Event(EventTypes.MemberCheckin, $"ck{m}", Between(start - TimeSpan.FromDays(29), start - TimeSpan.FromHours(1))) with
            {
                CommunityId = null, GridId = grids[random.NextDouble() < 0.8 ? home : random.Next(grids.Count)], MemberId = c.MemberId(m), UnitId = c.UnitOf(m),
            });
        }

        // Needs come in all the time; the joint meetings turn the open ones into projects.
        var needs = new List<(string Id, string Category, DateTimeOffset At)>();
        var needCount = Math.Max(12, c.Members / 8);
        for (var n = 0; n < needCount; n++)
        {
            var category = CoBuildingVocabulary.Categories[random.Next(CoBuildingVocabulary.Categories.Count - 1)];
            var titles = CoBuildingNames.ByCategory[category].Needs;
            var at = Between(from, start - TimeSpan.FromHours(2));
            var id = $"{c.Id}-xq{n:D3}";
            events.Add(Event(EventTypes.NeedListed, $"n{n}", at) with
            {
                CommunityId = null, GridId = grids[random.Next(grids.Count)], NeedId = id, Category = category, Title = titles[random.Next(titles.Length)],
                Origin = CoBuildingVocabulary.NeedOrigins[random.NextDouble() switch { < 0.5 => 0, < 0.8 => 1, _ => 2 }],
            });
            needs.Add((id, category, at));
        }

        var projectNo = 0;
        foreach (var (meeting, joint) in Meetings(start))
        {
            var present = registered.Where(u => u.At < meeting && random.NextDouble() < 0.85).Select(u => u.Id).ToArray();
            events.Add(joint
                ? Event(EventTypes.MeetingHeld, $"j{meeting:yyyyMM}", meeting) with { OrgId = $"{c.Id}-dgw", MeetingKind = CoBuildingVocabulary.JointMeeting, AttendeeUnits = present }
                : Event(EventTypes.MeetingHeld, $"w{meeting:yyyyMM}", meeting) with { OrgId = c.PartyCommittee, MeetingKind = CoBuildingVocabulary.BranchMeeting });
            var open = needs.Where(n => n.At < meeting).ToList();
            needs.RemoveAll(n => n.At < meeting && random.NextDouble() < 0.85);
            foreach (var group in open.Where(n => !needs.Contains(n)).Chunk(2))
            {
                var id = $"{c.Id}-xm{projectNo++:D3}";
                var offered = resources.Where(r => r.At < meeting && group.Any(n => n.Category == r.Category)).Select(r => r.Id).Take(2).ToArray();
                var published = meeting + TimeSpan.FromMinutes(30);
                events.Add(Event(EventTypes.ProjectPublished, $"p{id}", published) with
                {
                    ProjectId = id, Title = CoBuildingNames.ByCategory[group[0].Category].Needs[0] + "项目", NeedIds = [.. group.Select(n => n.Id)], ResourceIds = offered,
                });
                if (present.Length == 0 || random.NextDouble() > 0.9) continue;
                var unit = present[random.Next(present.Length)];
                // At a joint meeting the units attending claim there and then; a month's projects are claimed over the next days.
                var claimed = published + (joint ? TimeSpan.FromMinutes(random.Next(10, 90)) : TimeSpan.FromHours(random.Next(4, 240)));
                if (claimed >= start) continue;
                events.Add(Event(EventTypes.ProjectClaimed, $"c{id}", claimed) with { ProjectId = id, UnitId = unit });
                var completed = claimed + TimeSpan.FromDays(random.Next(14, 60));
                if (completed >= start) continue;
                events.Add(Event(EventTypes.ProjectCompleted, $"d{id}", completed) with { ProjectId = id, UnitId = unit });
                for (var k = random.Next(1, 4); k > 0; k--)
                    events.Add(Event(EventTypes.ProjectRated, $"s{id}-{k}", completed + TimeSpan.FromHours(random.Next(2, 72))) with
                    {
                        ProjectId = id, Score = random.NextDouble() switch { < 0.55 => 5, < 0.85 => 4, < 0.95 => 3, _ => 2 },
                    });
            }
        }

        // Consultations (议事协商) twice a month, most concluded; points redeemed at the 爱心超市.
        for (var d = 0; d < Span.TotalDays; d += 15)
            events.Add(Event(EventTypes.MeetingHeld, $"ys{d}", from + TimeSpan.FromDays(d + random.Next(0, 14)) + TimeSpan.FromHours(random.Next(9, 17))) with
            {
                OrgId = $"{c.Id}-ysh", MeetingKind = CoBuildingVocabulary.Consultation, Concluded = random.NextDouble() < 0.8,
            });
        for (var k = 0; k < c.Members / 80; k++)
            events.Add(Event(EventTypes.PointsRedeemed, $"lr{k}", Between(start - TimeSpan.FromDays(29), start - TimeSpan.FromHours(1))) with
            {
                PersonId = $"{grids[random.Next(grids.Count)]}-r{random.Next(300):D4}", Points = 10 * random.Next(1, 4), Reason = "爱心超市兑换",
            });
        // The last month's 爱心积分 awarded to the grids' regular volunteers and some members, as the live stream
        // awards them, so the board has its contributors on the first screen. Drawn after everything above.
        for (var k = 0; k < c.Members / 2; k++)
        {
            var grid = grids[random.Next(grids.Count)];
            var resident = (int)(random.NextDouble() * random.NextDouble() * 40);
            var award = Event(EventTypes.PointsAwarded, $"la{k}", Between(start - TimeSpan.FromDays(29), start - TimeSpan.FromHours(1))) with
            {
                CommunityId = null, Points = 5 * random.Next(1, 7), Reason = "志愿服务",
            };
            var member = resident % roster;
            events.Add(random.NextDouble() < 0.3
                ? award with { GridId = Community.HomeGrid(member, grids), PersonId = c.MemberId(member) }
                : award with { GridId = grid, PersonId = $"{grid}-r{resident:D4}", Name = PersonNames.For($"{grid}-r{resident:D4}") });
        }
        events.RemoveAll(e => e.OccurredAt >= start);
    }

    /// <summary>
    /// The service sites' last 30 days as daily tallies (日报, sent at 20:30 when the centres close) of
    /// the hours <see cref="SiteTraffic"/> draws, so 阵地服务人次 (ST01, 30 days) is whole on the first
    /// screen; the live stream sends hourly tallies from the start. Drawn per site and day from a stream
    /// of their own, so the registries' draws stay as they were.
    /// </summary>
    private void AddSiteDays(DateTimeOffset start, List<CityEvent> events)
    {
        var today = DateOnly.FromDateTime(context.Clock.ToLocal(start.UtcTicks).DateTime);
        for (var d = today.AddDays(-30); d < today; d = d.AddDays(1))
        {
            var workday = context.Calendar.IsWorkday(d);
            var closing = context.Clock.ToLocal(context.Clock.FromLocal(d.ToDateTime(new TimeOnly(20, 30))));
            if (closing >= start || closing < start - TimeSpan.FromDays(30)) continue;
            foreach (var site in context.Sites)
            {
                var r = RandomStream.For(context.Seed, d.DayNumber, GridPlaces.StableHash($"{site.Id}/tally"));
                var people = 0;
                for (var hour = 0; hour < 24; hour++) people += SiteTraffic.Draw(ref r, SiteTraffic.Mean(site, hour, workday));
                if (people == 0) continue;
                events.Add(new CityEvent
                {
                    Id = context.EventId($"gj-{site.Id}-st{d:yyyyMMdd}"), Type = EventTypes.SiteServed, OccurredAt = closing,
                    Source = context.Source, CommunityId = site.CommunityId, SiteId = site.Id, People = people,
                });
            }
        }
    }

    /// <summary>
    /// The community's monthly meetings on the 10th at 14:30 local that publish the month's projects:
    /// a joint meeting (联席会议) in each quarter's first month (January, April, July, October), the
    /// community committee (社区党委会) in the others.
    /// </summary>
    private IEnumerable<(DateTimeOffset At, bool Joint)> Meetings(DateTimeOffset start)
    {
        var local = context.Clock.ToLocal(start.UtcTicks);
        for (var month = new DateTime(local.Year, local.Month, 1).AddMonths(-7); month <= local.DateTime; month = month.AddMonths(1))
        {
            var at = context.Clock.ToLocal(context.Clock.FromLocal(month.AddDays(9).AddHours(14.5)));
            if (at > start - Span && at < start) yield return (at, (month.Month - 1) % 3 == 0);
        }
    }

    /// <summary>At the same instant, what is listed comes before what refers to it.</summary>
    private static int Order(string type) => type switch
    {
        EventTypes.UnitRegistered => 0,
        EventTypes.NeedListed or EventTypes.ResourceListed or EventTypes.MemberRegistered => 1,
        EventTypes.MeetingHeld => 2,
        EventTypes.ProjectPublished => 3,
        _ => 4,
    };
}
