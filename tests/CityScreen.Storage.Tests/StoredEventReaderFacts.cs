using System.Text.Json;
using CityScreen.Contracts.Events;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Departments;
using CityScreen.Domain.Ingest;
using CityScreen.Domain.Time;
using CityScreen.Simulator;

namespace CityScreen.Storage.Tests;

/// <summary>
/// The replay's reader gives exactly what the ingest parser gives for every stored event, so a
/// restart rebuilds the same ledgers as the events that were accepted.
/// </summary>
public sealed class StoredEventReaderFacts
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Reads_every_simulated_event_as_the_ingest_parser_does()
    {
        var grids = Enumerable.Range(1, 40).Select(i => new SimulatedArea($"6106020010{i:D2}001", $"6106020010{i:D2}", 109.49, 36.59, 300, 30)).ToList();
        var simulator = new CitySimulator(grids, new SimulatorOptions { Seed = 11, EventsPerSecond = 2 }, Shanghai);
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8));
        simulator.Start(start);
        var events = simulator.Advance(start.AddHours(24));

        Assert.True(events.Select(e => e.Type).Distinct().Count() >= 12, "the day should hold most event types");
        var seq = 0L;
        foreach (var e in events)
        {
            // What ingest stores is the parsed event (a limit in hours has become its due time).
            var parsed = Parse(CityEventJson.Serialize(e)) with { Seq = ++seq };
            var read = StoredEventReader.Read(seq, CityEventJson.Serialize(parsed));
            Assert.Equal(CityEventJson.Serialize(parsed), CityEventJson.Serialize(read));
            Assert.Equal((parsed.Seq, parsed.Kind, parsed.MeetingKind, parsed.OccurredAt.Offset), (read.Seq, read.Kind, read.MeetingKind, read.OccurredAt.Offset));
        }
    }

    [Fact]
    public void Keeps_a_meeting_kind_apart_from_a_case_kind()
    {
        var meeting = StoredEventReader.Read(1, """{"id":"m","type":"meeting.held","occurredAt":"2026-11-22T09:30:00.000+08:00","communityId":"610602001001","source":"app","kind":"主题党日","orgId":"o1"}""");
        var hotline = StoredEventReader.Read(2, """{"id":"h","type":"case.reported","occurredAt":"2026-11-22T01:30:00.000+00:00","gridId":"610602001001001","source":"12345","caseId":"c","kind":"hotline","category":"市容环境","level":"normal","title":"噪音","location":[109.49,36.59]}""");

        Assert.Equal(("主题党日", (string?)null), (meeting.MeetingKind, meeting.Kind));
        Assert.Equal(("hotline", (string?)null), (hotline.Kind, hotline.MeetingKind));
        Assert.Equal(TimeSpan.Zero, hotline.OccurredAt.Offset);
        Assert.Equal([109.49, 36.59], hotline.Location!);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"id":"x","type":"case.reported","source":"s"}""", "occurredAt is missing")]
    [InlineData("""{"id":"x","type":"case.reported","occurredAt":"2026-11-22T09:30:00.000+08:00","source":"s","colour":"red"}""", "unknown field 'colour'")]
    public void Refuses_a_row_that_is_not_in_the_stored_shape(string body, string why)
    {
        var error = Assert.Throws<InvalidDataException>(() => StoredEventReader.Read(42, body));
        Assert.Contains("#42", error.Message);
        Assert.Contains(why, error.Message);
    }

    /// <summary>The demo's departments, holidays and service sites, as the server gives them to its parser.</summary>
    private static readonly EventReference Reference = new(
        DepartmentDirectory.Load(SeedFile("departments.json"), _ => true),
        WorkingCalendar.Load(SeedFile("holidays.json"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")))
    {
        Sites = ServiceSiteDirectory.Load(SeedFile("service-sites.json"), _ => true),
    };

    private static string SeedFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("the repository root is not above the tests"), "seed-data", name);
    }

    private static CityEvent Parse(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var errors = new ValidationErrors();
        var parsed = EventParser.Parse(doc.RootElement, errors, Reference);
        Assert.True(errors.IsEmpty, errors.ToString());
        return parsed[0]!;
    }
}
