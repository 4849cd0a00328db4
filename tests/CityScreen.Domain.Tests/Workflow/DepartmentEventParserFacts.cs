using System.Text.Json;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Ingest;
using static CityScreen.Domain.Tests.Workflow.SeedReference;

namespace CityScreen.Domain.Tests.Workflow;

public class DepartmentEventParserFacts
{
    private static (IReadOnlyList<CityEvent?> Items, IDictionary<string, string[]> Errors) Parse(string json, EventReference? reference = null)
    {
        using var doc = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        var items = EventParser.Parse(doc.RootElement, errors, reference ?? Reference);
        return (items, errors.ToDictionary());
    }

    private const string Head = """ "occurredAt":"2026-11-20T14:00:00+08:00","gridId":"g1","source":"street-app","caseId":"AJ1" """;

    [Fact]
    public void A_whistle_names_known_departments_and_gives_them_30_minutes_unless_told()
    {
        var (items, errors) = Parse($$"""{"id":"w1","type":"case.whistled",{{Head}},"by":"610602001","departments":["{{Cgzf}}","{{Zj}}"],"reason":"违建拆除"}""");

        Assert.Empty(errors);
        var e = Assert.Single(items)!;
        Assert.Equal([Cgzf, Zj], e.Departments!);
        Assert.Equal(30, e.RespondWithinMinutes);
    }

    [Fact]
    public void An_unknown_department_id_is_named_by_item_and_index_and_nothing_of_the_batch_is_kept()
    {
        var (items, errors) = Parse($$"""
            [{"id":"ok","type":"case.closed",{{Head}}},
             {"id":"w1","type":"case.whistled",{{Head}},"by":"610602001","departments":["{{Cgzf}}","城管"],"reason":"违建","respondWithinMinutes":2000}]
            """);

        Assert.Equal(["[1].departments[1]", "[1].respondWithinMinutes"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'城管' is not a department id", errors["[1].departments[1]"][0]);
        Assert.Null(items[1]);
    }

    [Theory]
    [InlineData("""{"id":"r","type":"case.responded","department":"城管执法局"}""", "$.department")]
    [InlineData("""{"id":"r","type":"case.resolved","department":"nobody"}""", "$.department")]
    [InlineData("""{"id":"r","type":"case.returned","department":"nobody","reason":"非本部门"}""", "$.department")]
    [InlineData("""{"id":"r","type":"case.reassigned"}""", "$.department")]
    [InlineData("""{"id":"r","type":"case.extended","reason":"协调","dueAt":"2026-11-20T13:00:00+08:00"}""", "$.dueAt")]
    [InlineData("""{"id":"r","type":"case.suspended"}""", "$.reason")]
    [InlineData("""{"id":"r","type":"case.filed","dueAt":"2026-11-21T13:00:00+08:00","limitHours":8,"limitKind":"working"}""", "$.dueAt")]
    [InlineData("""{"id":"r","type":"case.filed","limitHours":8,"limitKind":"weekdays"}""", "$.limitKind")]
    [InlineData("""{"id":"r","type":"case.filed","limitHours":9000,"limitKind":"natural"}""", "$.limitHours")]
    [InlineData("""{"id":"r","type":"case.rated","score":4,"resolved":"yes"}""", "$.resolved")]
    public void A_bad_workflow_field_is_named(string json, string field)
    {
        var (items, errors) = Parse(json.Replace("\"id\":\"r\",", $"\"id\":\"r\",{Head},"));

        Assert.Contains(field, errors.Keys);
        Assert.Null(Assert.Single(items));
    }

    [Fact]
    public void A_filing_with_working_hours_gets_its_due_time_from_the_holiday_calendar()
    {
        var (items, errors) = Parse("""
            {"id":"f","type":"case.filed","occurredAt":"2026-02-13T17:00:00+08:00","gridId":"g1","source":"x","caseId":"AJ1","limitHours":2,"limitKind":"working"}
            """);

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 2, 14, 9, 30, 0, TimeSpan.FromHours(8)), items[0]!.DueAt);
        var (natural, _) = Parse($$"""{"id":"f","type":"case.filed",{{Head}},"limitHours":2,"limitKind":"natural"}""");
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.FromHours(8)), natural[0]!.DueAt);
    }

    [Fact]
    public void A_dispatch_keeps_free_text_and_keeps_a_department_id_as_one()
    {
        var (items, errors) = Parse($$"""
            [{"id":"d1","type":"case.dispatched",{{Head}},"department":"城管执法局"},
             {"id":"d2","type":"case.dispatched",{{Head}},"department":"{{Cgzf}}","whistle":true}]
            """);

        Assert.Empty(errors);
        Assert.Null(items[0]!.Departments);
        Assert.Equal([Cgzf], items[1]!.Departments!);
    }

    [Fact]
    public void A_response_names_an_arriving_department_by_its_id_a_member_or_neither()
    {
        var (items, errors) = Parse($$"""
            [{"id":"r1","type":"case.responded",{{Head}},"department":"{{Cgzf}}"},
             {"id":"r2","type":"case.responded",{{Head}},"memberId":"m1"},
             {"id":"r3","type":"case.responded",{{Head}}}]
            """);

        Assert.Empty(errors);
        Assert.Equal(Cgzf, items[0]!.Department);
        Assert.Equal("m1", items[1]!.MemberId);
        Assert.Null(items[2]!.Department);
        Assert.Null(items[2]!.MemberId);
    }

    [Theory]
    [InlineData("\"period\":\"2026-Q4\"", null)]
    [InlineData("\"caseId\":\"AJ1\"", null)]
    [InlineData("\"period\":\"2026-Q5\"", "$.period")]
    [InlineData("\"score\":4", "$.period")]
    [InlineData("\"period\":\"2026-11\",\"caseId\":\"AJ1\"", "$.caseId")]
    public void A_department_rating_names_a_period_or_a_case(string fields, string? error)
    {
        var score = fields.Contains("score", StringComparison.Ordinal) ? "" : ",\"score\":4";
        var (items, errors) = Parse($$"""
            {"id":"r","type":"department.rated","occurredAt":"2026-11-20T14:00:00+08:00","communityId":"c1","source":"street","department":"{{Zj}}","by":"610602001"{{score}},{{fields}}}
            """);

        if (error is null) Assert.Empty(errors);
        else Assert.Contains(error, errors.Keys);
        Assert.Equal(error is null, items[0] is not null);
    }

    [Fact]
    public void A_rating_or_whistle_by_an_area_the_leaf_is_not_in_is_refused()
    {
        var inside = Reference with { Contains = (area, leaf) => area == "610602001" && leaf == "g1" };
        var (_, errors) = Parse($$"""{"id":"w1","type":"case.whistled",{{Head}},"by":"610602002","departments":["{{Cgzf}}"],"reason":"违建"}""", inside);
        var (ok, none) = Parse($$"""{"id":"w1","type":"case.whistled",{{Head}},"by":"610602001","departments":["{{Cgzf}}"],"reason":"违建"}""", inside);

        Assert.Equal(["$.by"], errors.Keys);
        Assert.Empty(none);
        Assert.NotNull(ok[0]);
    }
}
