using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary><c>/metrics</c> on a real host of its own, so the counts start at zero and are exactly what the test sent.</summary>
[Collection("alone")]
public sealed partial class MetricsFacts : IAsyncLifetime
{
    private readonly ServerHost _host = new();

    public Task InitializeAsync() => _host.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task An_admin_scrape_counts_the_events_posted_and_refused()
    {
        using var http = _host.Client();
        var first = Checkin("m-1");
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(Batch(first, Checkin("m-2"), Points("m-3", 5))))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(first))).StatusCode);   // a resend, byte for byte
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/events", Json(Checkin("m-4", grid: "999999")))).StatusCode);
        using var keyless = new HttpClient { BaseAddress = _host.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyless.PostAsync("/api/events", Json(Checkin("m-5")))).StatusCode);

        using var admin = _host.AdminClient();
        await Eventually.HoldsAsync(async () =>
        {
            var text = await admin.GetStringAsync("/metrics");
            var seen = $"accepted {Value(text, "cityscreen_events_accepted_total")}, duplicates {Value(text, "cityscreen_events_duplicates_total")}, " +
                $"invalid {Value(text, "cityscreen_ingest_refused_total", "reason=\"invalid\"")}, unauthorized {Value(text, "cityscreen_ingest_refused_total", "reason=\"unauthorized\"")}, " +
                $"batches {Value(text, "cityscreen_store_commit_batch_size_count")}, published {Value(text, "cityscreen_events_publish_latency_seconds_count")}";
            var ok = Value(text, "cityscreen_events_accepted_total") == 3
                && Value(text, "cityscreen_events_duplicates_total") == 1
                && Value(text, "cityscreen_ingest_refused_total", "reason=\"invalid\"") == 1
                && Value(text, "cityscreen_ingest_refused_total", "reason=\"unauthorized\"") == 1
                && Value(text, "cityscreen_store_commit_batch_size_sum") == 4
                && Value(text, "cityscreen_events_publish_latency_seconds_count") >= 1
                && Value(text, "cityscreen_flush_lag_seconds_count", "level=\"aggregate\"") >= 1
                // The framework's, the runtime's and Orleans' own meters are exported beside CityScreen's.
                && text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal)
                && text.Contains("dotnet_gc_collections_total", StringComparison.Ordinal)
                && text.Contains("orleans_", StringComparison.Ordinal);
            return (ok, seen);
        });
    }

    [Fact]
    public async Task Metrics_answer_admins_only()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseAddress };
        Assert.Contains((await anonymous.GetAsync("/metrics")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        using var admin = _host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "operator", null, "metrics-operator");
        using var operatorClient = Access.Bearer(_host.BaseAddress, token);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/metrics")).StatusCode);

        var scrape = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels hold <paramref name="label"/>; null when there is none.</summary>
    private static double? Value(string exposition, string name, string? label = null)
    {
        double? sum = null;
        foreach (Match m in Sample().Matches(exposition))
        {
            if (m.Groups["name"].Value != name || (label is not null && !m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))) continue;
            sum = (sum ?? 0) + double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
