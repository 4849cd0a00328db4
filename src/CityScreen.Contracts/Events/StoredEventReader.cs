using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CityScreen.Contracts.Events;

/// <summary>
/// Reads back an event the store wrote with <see cref="CityEventJson"/>. Stored events were
/// validated when they were accepted, so this reads fields straight into the record without the
/// ingest path's validation: a restart replays every stored event, and that replay is most of
/// the time a restart takes. Anything that is not in the stored shape is refused, never guessed.
/// </summary>
public static class StoredEventReader
{
    public static CityEvent Read(long seq, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return Read(seq, bytes);
    }

    public static CityEvent Read(long seq, ReadOnlySpan<byte> utf8)
    {
        var r = new Utf8JsonReader(utf8);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            throw Broken(seq, "not a JSON object");
        string? id = null, type = null, source = null, kind = null;
        DateTimeOffset? occurredAt = null;
        var e = new CityEvent { Id = "", Type = "", Source = "", OccurredAt = default };
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.GetString();
            if (!r.Read()) throw Broken(seq, $"'{name}' has no value");
            switch (name)
            {
                case "id": id = r.GetString(); break;
                case "type": type = r.GetString(); break;
                case "source": source = r.GetString(); break;
                case "occurredAt": occurredAt = Time(ref r); break;
                case "gridId": e = e with { GridId = r.GetString() }; break;
                case "communityId": e = e with { CommunityId = r.GetString() }; break;
                case "caseId": e = e with { CaseId = r.GetString() }; break;
                case "kind": kind = r.GetString(); break;
                case "category": e = e with { Category = r.GetString() }; break;
                case "level": e = e with { Level = r.GetString() }; break;
                case "title": e = e with { Title = r.GetString() }; break;
                case "location": e = e with { Location = Location(ref r, seq) }; break;
                case "dueAt": e = e with { DueAt = Time(ref r) }; break;
                case "reason": e = e with { Reason = r.GetString() }; break;
                case "department": e = e with { Department = r.GetString() }; break;
                case "whistle": e = e with { Whistle = r.GetBoolean() }; break;
                case "memberId": e = e with { MemberId = r.GetString() }; break;
                case "score": e = e with { Score = r.GetInt32() }; break;
                case "unitId": e = e with { UnitId = r.GetString() }; break;
                case "teamId": e = e with { TeamId = r.GetString() }; break;
                case "hours": e = e with { Hours = r.GetDouble() }; break;
                case "projectId": e = e with { ProjectId = r.GetString() }; break;
                case "personId": e = e with { PersonId = r.GetString() }; break;
                case "points": e = e with { Points = r.GetInt32() }; break;
                case "orgId": e = e with { OrgId = r.GetString() }; break;
                case "by": e = e with { By = r.GetString() }; break;
                case "departments": e = e with { Departments = Strings(ref r) }; break;
                case "respondWithinMinutes": e = e with { RespondWithinMinutes = r.GetInt32() }; break;
                case "period": e = e with { Period = r.GetString() }; break;
                case "limitHours": e = e with { LimitHours = r.GetDouble() }; break;
                case "limitKind": e = e with { LimitKind = r.GetString() }; break;
                case "resolved": e = e with { Resolved = r.GetBoolean() }; break;
                case "callerId": e = e with { CallerId = r.GetString() }; break;
                case "needId": e = e with { NeedId = r.GetString() }; break;
                case "resourceId": e = e with { ResourceId = r.GetString() }; break;
                case "siteId": e = e with { SiteId = r.GetString() }; break;
                case "name": e = e with { Name = r.GetString() }; break;
                case "post": e = e with { Post = r.GetString() }; break;
                case "origin": e = e with { Origin = r.GetString() }; break;
                case "agreementSignedAt": e = e with { AgreementSignedAt = Time(ref r) }; break;
                case "partyMembers": e = e with { PartyMembers = r.GetInt32() }; break;
                case "needIds": e = e with { NeedIds = Strings(ref r) }; break;
                case "resourceIds": e = e with { ResourceIds = Strings(ref r) }; break;
                case "attendeeUnits": e = e with { AttendeeUnits = Strings(ref r) }; break;
                case "people": e = e with { People = r.GetInt32() }; break;
                case "concluded": e = e with { Concluded = r.GetBoolean() }; break;
                default: throw Broken(seq, $"unknown field '{name}'");
            }
        }
        if (id is null || type is null || source is null || occurredAt is null)
            throw Broken(seq, "id, type, source or occurredAt is missing");
        // One wire field, two meanings: a meeting's kind (主题党日 …) or a case's kind (event, hotline …).
        return type == EventTypes.MeetingHeld
            ? e with { Seq = seq, Id = id, Type = type, Source = source, OccurredAt = occurredAt.Value, MeetingKind = kind }
            : e with { Seq = seq, Id = id, Type = type, Source = source, OccurredAt = occurredAt.Value, Kind = kind };
    }

    private static DateTimeOffset Time(ref Utf8JsonReader r)
    {
        var text = r.GetString()!;
        // The store writes one exact shape; rows written by an older version may differ.
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    private static double[] Location(ref Utf8JsonReader r, long seq)
    {
        if (r.TokenType != JsonTokenType.StartArray) throw Broken(seq, "location is not an array");
        var values = new List<double>(2);
        while (r.Read() && r.TokenType == JsonTokenType.Number) values.Add(r.GetDouble());
        return values.ToArray();
    }

    private static string[] Strings(ref Utf8JsonReader r)
    {
        var list = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray) list.Add(r.GetString()!);
        return [.. list];
    }

    private static InvalidDataException Broken(long seq, string why) =>
        new($"stored event #{seq} cannot be read back: {why}");
}
