using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CityScreen.Server.Tests;

/// <summary>Event bodies in the wire format, for a grid of the demo city.</summary>
public static class Payloads
{
    // 宝塔区 → 宝塔山街道 → its first community → its first grid (seed-data/areas/baota-generated.geojson).
    public const string City = "610600";
    public const string District = "610602";
    public const string Street = "610602001";
    public const string Community = "610602001001";
    public const string Grid = "610602001001001";
    public const string OtherGrid = "610602002001001";

    public static string Now(int minutesAgo = 1) =>
        DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static string Reported(string id, string caseId, string grid = Grid, string level = "normal") => $$"""
        {"id":"{{id}}","type":"case.reported","occurredAt":"{{Now()}}","gridId":"{{grid}}","source":"grid-app",
         "caseId":"{{caseId}}","kind":"event","category":"市容环境","level":"{{level}}","title":"延河路口垃圾堆积","location":[109.49,36.59]}
        """;

    public static string Filed(string id, string caseId, string grid = Grid) => $$"""
        {"id":"{{id}}","type":"case.filed","occurredAt":"{{Now()}}","gridId":"{{grid}}","source":"grid-app","caseId":"{{caseId}}",
         "dueAt":"{{DateTimeOffset.UtcNow.AddHours(4).ToString("O", CultureInfo.InvariantCulture)}}"}
        """;

    /// <summary>A whistle by the street of <see cref="Grid"/> summoning <paramref name="departments"/> (ids of seed-data/departments.json).</summary>
    public static string Whistled(string id, string caseId, params string[] departments) => $$"""
        {"id":"{{id}}","type":"case.whistled","occurredAt":"{{Now()}}","gridId":"{{Grid}}","source":"street-app","caseId":"{{caseId}}",
         "by":"{{Street}}","departments":{{JsonSerializer.Serialize(departments)}},"reason":"违建拆除需联合执法"}
        """;

    public static string Closed(string id, string caseId, string grid = Grid) => $$"""
        {"id":"{{id}}","type":"case.closed","occurredAt":"{{Now(0)}}","gridId":"{{grid}}","source":"grid-app","caseId":"{{caseId}}"}
        """;

    public static string RespondedBy(string id, string caseId, string department) => $$"""
        {"id":"{{id}}","type":"case.responded","occurredAt":"{{Now(0)}}","gridId":"{{Grid}}","source":"dept-app","caseId":"{{caseId}}","department":"{{department}}"}
        """;

    public static string Checkin(string id, string grid = Grid) => $$"""
        {"id":"{{id}}","type":"member.checkin","occurredAt":"{{Now()}}","gridId":"{{grid}}","source":"party-cloud","memberId":"m-{{id}}","unitId":"u1"}
        """;

    public static string Points(string id, int points, string grid = Grid) => $$"""
        {"id":"{{id}}","type":"points.awarded","occurredAt":"{{Now()}}","gridId":"{{grid}}","source":"party-cloud","personId":"p-{{id}}","points":{{points}}}
        """;

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static string Batch(params string[] items) => "[" + string.Join(",", items) + "]";
}
