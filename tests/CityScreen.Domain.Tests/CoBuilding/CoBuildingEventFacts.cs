using System.Text.Json;
using CityScreen.Contracts.Events;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Ingest;

namespace CityScreen.Domain.Tests.CoBuilding;

/// <summary>The 共驻共建 events: each type's fields read, checked (every bad field named), written and read back from the store.</summary>
public sealed class CoBuildingEventFacts
{
    private static readonly EventReference Reference = EventReference.None with
    {
        Sites = new ServiceSiteDirectory([new ServiceSite("s1", "宝塔山社区党群服务中心", "党群服务中心", "c1", 109.49, 36.59)]),
    };

    private const string Head = "\"occurredAt\":\"2026-11-22T09:30:00+08:00\",\"source\":\"party-cloud\"";

    private static readonly string[] Events =
    [
        $$"""{"id":"u1","type":"unit.registered",{{Head}},"communityId":"c1","unitId":"U1","name":"延安市人民医院","kind":"医院","agreementSignedAt":"2026-03-01T10:00:00+08:00","partyMembers":120}""",
        $$"""{"id":"m1","type":"member.registered",{{Head}},"gridId":"g1","memberId":"M1","unitId":"U1","post":"楼栋长助理"}""",
        $$"""{"id":"n1","type":"need.listed",{{Head}},"gridId":"g1","needId":"N1","category":"助老","title":"独居老人助餐","origin":"走访"}""",
        $$"""{"id":"r1","type":"resource.listed",{{Head}},"communityId":"c1","resourceId":"R1","unitId":"U1","category":"医疗","title":"义诊"}""",
        $$"""{"id":"p1","type":"project.published",{{Head}},"communityId":"c1","projectId":"P1","title":"老年助餐点","needIds":["N1","N2"],"resourceIds":[]}""",
        $$"""{"id":"p2","type":"project.claimed",{{Head}},"communityId":"c1","projectId":"P1","unitId":"U1"}""",
        $$"""{"id":"p3","type":"project.completed",{{Head}},"communityId":"c1","projectId":"P1","unitId":"U1"}""",
        $$"""{"id":"p4","type":"project.rated",{{Head}},"communityId":"c1","projectId":"P1","score":5}""",
        $$"""{"id":"j1","type":"meeting.held",{{Head}},"communityId":"c1","orgId":"c1-dgw","kind":"joint","attendeeUnits":["U1","U2"]}""",
        $$"""{"id":"j2","type":"meeting.held",{{Head}},"communityId":"c1","orgId":"c1-dgw","kind":"consultation","concluded":true}""",
        $$"""{"id":"s1","type":"site.served",{{Head}},"communityId":"c1","siteId":"s1","people":12}""",
        $$"""{"id":"l1","type":"points.awarded",{{Head}},"communityId":"c1","personId":"P-9","points":20,"reason":"助老服务"}""",
        $$"""{"id":"l2","type":"points.redeemed",{{Head}},"communityId":"c1","unitId":"U1","points":50}""",
    ];

    public static IEnumerable<object[]> ValidEvents => Events.Select(e => new object[] { e });

    [Theory]
    [MemberData(nameof(ValidEvents))]
    public void A_co_building_event_is_read_written_and_read_back_from_the_store_alike(string json)
    {
        var e = Parse(json, out var errors);
        Assert.True(errors.IsEmpty, errors.ToString());

        var written = CityEventJson.Serialize(e!);
        var again = Parse(written, out _);
        Assert.Equal(written, CityEventJson.Serialize(again!));
        var stored = StoredEventReader.Read(1, written);
        Assert.Equal(written, CityEventJson.Serialize(stored));
    }

    [Fact]
    public void Every_field_the_registries_keep_survives_the_store()
    {
        var unit = StoredEventReader.Read(1, CityEventJson.Serialize(Parse(Events[0], out _)!));
        var project = StoredEventReader.Read(2, CityEventJson.Serialize(Parse(
            $$"""{"id":"p1","type":"project.published",{{Head}},"communityId":"c1","projectId":"P1","title":"老年助餐点","needIds":["N1","N2"],"resourceIds":["R1"]}""", out _)!));
        var meeting = StoredEventReader.Read(3, CityEventJson.Serialize(Parse(Events[8], out _)!));

        Assert.Equal(("U1", "延安市人民医院", "医院", 120), (unit.UnitId, unit.Name, unit.Kind, unit.PartyMembers));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), unit.AgreementSignedAt);
        Assert.Equal(["N1", "N2"], project.NeedIds!);
        Assert.Equal(["R1"], project.ResourceIds!);
        Assert.Equal(("joint", (string?)null), (meeting.MeetingKind, meeting.Kind));
        Assert.Equal(["U1", "U2"], meeting.AttendeeUnits!);
    }

    [Fact]
    public void Every_bad_field_of_a_co_building_event_is_named()
    {
        using var doc = JsonDocument.Parse($$"""
            [{"id":"a","type":"unit.registered",{{Head}},"communityId":"c1","unitId":"U1","kind":"工厂","partyMembers":-1},
             {"id":"b","type":"need.listed",{{Head}},"gridId":"g1","needId":"N1","category":"助老","title":"t","origin":"电话"},
             {"id":"c","type":"project.published",{{Head}},"communityId":"c1","projectId":"P1","title":"t","needIds":["N1","N1",""]},
             {"id":"d","type":"project.published",{{Head}},"communityId":"c1","projectId":"P2","title":"t","needIds":[],"resourceIds":[]},
             {"id":"e","type":"meeting.held",{{Head}},"communityId":"c1","orgId":"o","kind":"branch","concluded":true},
             {"id":"f","type":"site.served",{{Head}},"communityId":"c1","siteId":"nowhere","people":0},
             {"id":"g","type":"points.redeemed",{{Head}},"communityId":"c1","personId":"P","unitId":"U1","points":5},
             {"id":"h","type":"points.awarded",{{Head}},"communityId":"c1","points":5},
             {"id":"i","type":"project.rated",{{Head}},"communityId":"c1","projectId":"P1","score":6}]
            """);
        var errors = new ValidationErrors();
        var items = EventParser.Parse(doc.RootElement, errors, Reference);

        Assert.All(items, Assert.Null);
        Assert.Equal(
            ["[0].kind", "[0].name", "[0].partyMembers", "[1].origin", "[2].needIds[1]", "[2].needIds[2]", "[2].resourceIds",
             "[3].needIds", "[4].concluded", "[5].people", "[5].siteId", "[6].unitId", "[7].personId", "[8].score"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void References_name_their_field_and_the_window_is_a_day()
    {
        var published = Parse($$"""{"id":"p1","type":"project.published",{{Head}},"communityId":"c1","projectId":"P1","title":"t","needIds":["N1"],"resourceIds":["R1"]}""", out _)!;
        var claim = Parse(Events[5], out _)!;

        Assert.Equal(("project", "P1"), RegistryReferences.Lists(published));
        Assert.Equal([("need", "N1", "needIds[0]"), ("resource", "R1", "resourceIds[0]")], RegistryReferences.RefersTo(published));
        Assert.Equal([("project", "P1", "projectId"), ("unit", "U1", "unitId")], RegistryReferences.RefersTo(claim));
        Assert.True(RegistryReferences.MayWait(claim, claim.OccurredAt.AddHours(24)));
        Assert.False(RegistryReferences.MayWait(claim, claim.OccurredAt.AddHours(24).AddSeconds(1)));
    }

    private static CityEvent? Parse(string json, out ValidationErrors errors)
    {
        using var doc = JsonDocument.Parse(json);
        errors = new ValidationErrors();
        return EventParser.Parse(doc.RootElement, errors, Reference)[0];
    }
}
