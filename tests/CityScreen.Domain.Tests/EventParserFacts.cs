using System.Text.Json;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Ingest;

namespace CityScreen.Domain.Tests;

public class EventParserFacts
{
    private static (IReadOnlyList<CityEvent?> Items, IDictionary<string, string[]> Errors) Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        var items = EventParser.Parse(doc.RootElement, errors);
        return (items, errors.ToDictionary());
    }

    private const string Reported = """
        {"id":"e1","type":"case.reported","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g1","source":"grid-app",
         "caseId":"AJ1","kind":"event","category":"市容环境","level":"major","title":"垃圾堆积","location":[109.49,36.59]}
        """;

    [Fact]
    public void A_valid_event_round_trips_through_the_wire_format()
    {
        var (items, errors) = Parse(Reported);

        Assert.Empty(errors);
        var e = Assert.Single(items)!;
        Assert.Equal("major", e.Level);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 1, 30, 0, TimeSpan.Zero), e.OccurredAt);

        var (again, _) = Parse(CityEventJson.Serialize(e));
        Assert.Equal(CityEventJson.Serialize(e), CityEventJson.Serialize(again[0]!));
    }

    [Fact]
    public void Control_characters_are_stripped_from_titles_and_reasons()
    {
        var (items, errors) = Parse("""
            [{"id":"e1","type":"case.reported","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g1","source":"grid-app",
              "caseId":"AJ1","kind":"event","category":"市容环境","level":"major","title":"\t=垃圾\r\n堆积\u001b[31m\u0000","location":[109.49,36.59]},
             {"id":"e2","type":"case.rejected","occurredAt":"2026-11-22T09:31:00+08:00","gridId":"g1","source":"grid-app","caseId":"AJ1","reason":"重复\n上报"},
             {"id":"e3","type":"case.rejected","occurredAt":"2026-11-22T09:31:00+08:00","gridId":"g1","source":"grid-app","caseId":"AJ1","reason":"\r\n\t"}]
            """);

        Assert.Equal("=垃圾堆积[31m", items[0]!.Title);
        Assert.Equal("重复上报", items[1]!.Reason);
        // Nothing but control characters is an empty text.
        Assert.Equal(["[2].reason"], errors.Keys.ToArray());
    }

    [Fact]
    public void Every_bad_field_of_every_item_is_named()
    {
        var (_, errors) = Parse($$"""
            [{{Reported}},
             {"id":"e2","type":"case.filed","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g1","source":"x","caseId":"AJ1"},
             {"id":"e3","type":"case.rated","occurredAt":"2026-11-22T09:30:00","gridId":"g1","source":"x","caseId":"AJ1","score":9},
             {"id":"e4","type":"case.exploded","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g1","source":"x"},
             {"type":"case.reported","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g1","source":"x","caseId":"AJ2","kind":"event","category":"天气","level":"normal","title":"t"},
             42]
            """);

        Assert.Equal(["[1].dueAt", "[2].occurredAt", "[2].score", "[3].type", "[4].category", "[4].id", "[5]"], errors.Keys.Order().ToArray());
        Assert.Contains("case.exploded", errors["[3].type"][0]);
        Assert.Contains("between 1 and 5", errors["[2].score"][0]);
    }

    [Fact]
    public void Case_steps_need_a_grid_and_activities_may_name_a_community()
    {
        var (_, errors) = Parse("""
            [{"id":"a","type":"case.resolved","occurredAt":"2026-11-22T09:30:00Z","communityId":"c1","source":"x","caseId":"AJ1"},
             {"id":"b","type":"meeting.held","occurredAt":"2026-11-22T09:30:00Z","communityId":"c1","source":"x","orgId":"o1","kind":"主题党日"}]
            """);

        Assert.Equal(["[0].gridId"], errors.Keys.ToArray());
    }

    [Theory]
    [InlineData("""{"id":"v","type":"volunteer.logged","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g","source":"x","hours":2}""", "$.memberId")]
    [InlineData("""{"id":"v","type":"volunteer.logged","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g","source":"x","memberId":"m","hours":0}""", "$.hours")]
    [InlineData("""{"id":"v","type":"case.dispatched","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g","source":"x","caseId":"c","department":"d","whistle":"yes"}""", "$.whistle")]
    [InlineData("""{"id":"v","type":"case.reported","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g","source":"x","caseId":"c","kind":"event","category":"其他","level":"normal","title":"t","location":[500,1]}""", "$.location")]
    [InlineData("""{"id":"","type":"member.checkin","occurredAt":"2026-11-22T09:30:00+08:00","gridId":"g","source":"x","memberId":"m","unitId":"u"}""", "$.id")]
    public void A_single_bad_field_is_named_by_its_path(string json, string path)
    {
        var (items, errors) = Parse(json);

        Assert.Equal([path], errors.Keys.ToArray());
        Assert.Null(Assert.Single(items));
    }
}
