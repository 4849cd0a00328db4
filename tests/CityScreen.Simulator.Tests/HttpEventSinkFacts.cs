using System.Net;
using System.Net.Http.Headers;
using CityScreen.Contracts.Events;
using CityScreen.Simulator.Http;

namespace CityScreen.Simulator.Tests;

public class HttpEventSinkFacts
{
    private static readonly Uri Server = new("http://city.test");

    private static readonly IReadOnlyList<CityEvent> Batch =
        TestCity.Run(TestCity.Simulator(), TestCity.Monday8, TestCity.Monday8.AddMinutes(2)).Take(20).ToList();

    private static HttpResponseMessage Stored() =>
        FakeServer.Answer(HttpStatusCode.Accepted, """{"accepted":18,"duplicates":2}""");

    private static HttpResponseMessage Busy(HttpStatusCode status, RetryConditionHeaderValue retryAfter) =>
        FakeServer.Answer(status, "busy", r => r.Headers.RetryAfter = retryAfter);

    private static HttpEventSink Sink(FakeServer server, Uri? address = null) =>
        new(new HttpClient(server), address ?? Server, "KEY");

    [Fact]
    public async Task PostAsync_sends_the_batch_as_a_json_array_with_the_key_and_reads_the_counts()
    {
        var server = new FakeServer(Stored);

        var result = await Sink(server).PostAsync(Batch, CancellationToken.None);

        Assert.Equal(new PostResult(PostOutcome.Accepted, 202, 18, 2, 0, null), result);
        var (uri, key, body) = Assert.Single(server.Requests);
        Assert.Equal("http://city.test/api/events", uri.ToString());
        Assert.Equal("KEY", key);
        Assert.Equal(CityEventJson.SerializeBatch(Batch), body);
    }

    [Fact]
    public async Task PostAsync_when_the_server_is_busy_waits_and_resends_the_same_batch()
    {
        var server = new FakeServer(
            () => Busy(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(TimeSpan.Zero)),
            () => Busy(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(-1))),
            Stored);

        var result = await Sink(server).PostAsync(Batch, CancellationToken.None);

        Assert.Equal(PostOutcome.Accepted, result.Outcome);
        Assert.Equal(2, result.Retries);
        Assert.Equal(3, server.Requests.Count);
        Assert.Single(server.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task PostAsync_gives_up_when_the_server_stays_busy()
    {
        var server = new FakeServer(() => Busy(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(TimeSpan.Zero)));
        var sink = new HttpEventSink(new HttpClient(server), Server, "KEY") { MaxRetries = 3 };

        var result = await sink.PostAsync(Batch, CancellationToken.None);

        Assert.Equal(PostOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_on_bad_request_returns_the_problem_without_resending()
    {
        const string problem = """{"title":"invalid events","errors":{"[3].score":["must be between 1 and 5"]}}""";
        var server = new FakeServer(() => FakeServer.Answer(HttpStatusCode.BadRequest, problem));

        var result = await Sink(server).PostAsync(Batch, CancellationToken.None);

        Assert.Equal(new PostResult(PostOutcome.Invalid, 400, 0, 0, 0, problem), result);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PostAsync_on_unauthorized_fails()
    {
        var server = new FakeServer(() => FakeServer.Answer(HttpStatusCode.Unauthorized));

        var result = await Sink(server).PostAsync(Batch, CancellationToken.None);

        Assert.Equal(PostOutcome.Failed, result.Outcome);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task PostAsync_when_the_server_cannot_be_reached_fails_after_its_retries()
    {
        var server = new FakeServer(() => throw new HttpRequestException("connection refused"));
        var sink = new HttpEventSink(new HttpClient(server), Server, "KEY") { MaxRetries = 0 };

        var result = await sink.PostAsync(Batch, CancellationToken.None);

        Assert.Equal(new PostResult(PostOutcome.Failed, 0, 0, 0, 0, "connection refused"), result);
    }

    [Fact]
    public async Task PostAsync_keeps_the_path_of_the_servers_address()
    {
        var server = new FakeServer(Stored);

        await Sink(server, new Uri("http://city.test/baota")).PostAsync(Batch, CancellationToken.None);

        Assert.Equal("http://city.test/baota/api/events", server.Requests[0].Uri.ToString());
    }
}
