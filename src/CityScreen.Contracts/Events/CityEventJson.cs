using System.Globalization;
using System.Text.Json;

namespace CityScreen.Contracts.Events;

/// <summary>
/// Writes events in the wire format of <c>POST /api/events</c> (docs/architecture.md §3): camelCase,
/// times ISO-8601 with offset, only the fields the type uses. The store keeps the same text.
/// </summary>
public static class CityEventJson
{
    public static string Serialize(CityEvent e) => System.Text.Encoding.UTF8.GetString(SerializeToUtf8(e));

    /// <summary>The same text as UTF-8 bytes, as the SQLite store keeps it (no conversion on its one writer thread).</summary>
    public static byte[] SerializeToUtf8(CityEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, e);
        return buffer.WrittenSpan.ToArray();
    }

    public static string SerializeBatch(IEnumerable<CityEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in events) Write(writer, e);
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, CityEvent e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        w.WriteString("occurredAt", Format(e.OccurredAt));
        Opt(w, "gridId", e.GridId);
        Opt(w, "communityId", e.CommunityId);
        w.WriteString("source", e.Source);
        Opt(w, "caseId", e.CaseId);
        Opt(w, "kind", e.Kind ?? e.MeetingKind);
        Opt(w, "category", e.Category);
        Opt(w, "level", e.Level);
        Opt(w, "title", e.Title);
        if (e.Location is { Length: 2 } loc)
        {
            w.WriteStartArray("location");
            w.WriteNumberValue(loc[0]);
            w.WriteNumberValue(loc[1]);
            w.WriteEndArray();
        }
        if (e.DueAt is { } due) w.WriteString("dueAt", Format(due));
        Opt(w, "reason", e.Reason);
        Opt(w, "department", e.Department);
        if (e.Whistle is { } whistle) w.WriteBoolean("whistle", whistle);
        Opt(w, "memberId", e.MemberId);
        if (e.Score is { } score) w.WriteNumber("score", score);
        Opt(w, "unitId", e.UnitId);
        Opt(w, "teamId", e.TeamId);
        if (e.Hours is { } hours) w.WriteNumber("hours", hours);
        Opt(w, "projectId", e.ProjectId);
        Opt(w, "personId", e.PersonId);
        if (e.Points is { } points) w.WriteNumber("points", points);
        Opt(w, "orgId", e.OrgId);
        Opt(w, "by", e.By);
        Strings(w, "departments", e.Departments);
        if (e.RespondWithinMinutes is { } within) w.WriteNumber("respondWithinMinutes", within);
        Opt(w, "period", e.Period);
        if (e.LimitHours is { } limit) w.WriteNumber("limitHours", limit);
        Opt(w, "limitKind", e.LimitKind);
        if (e.Resolved is { } resolved) w.WriteBoolean("resolved", resolved);
        Opt(w, "callerId", e.CallerId);
        Opt(w, "needId", e.NeedId);
        Opt(w, "resourceId", e.ResourceId);
        Opt(w, "siteId", e.SiteId);
        Opt(w, "name", e.Name);
        Opt(w, "post", e.Post);
        Opt(w, "origin", e.Origin);
        if (e.AgreementSignedAt is { } signed) w.WriteString("agreementSignedAt", Format(signed));
        if (e.PartyMembers is { } members) w.WriteNumber("partyMembers", members);
        Strings(w, "needIds", e.NeedIds);
        Strings(w, "resourceIds", e.ResourceIds);
        Strings(w, "attendeeUnits", e.AttendeeUnits);
        if (e.People is { } people) w.WriteNumber("people", people);
        if (e.Concluded is { } concluded) w.WriteBoolean("concluded", concluded);
        w.WriteEndObject();
    }

    /// <summary>Times are written in Asia/Shanghai's +08:00 when they carry it, else as given.</summary>
    public static string Format(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static void Strings(Utf8JsonWriter w, string name, string[]? values)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
