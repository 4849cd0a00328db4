using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CityScreen.Server.Apis;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>
/// Admission on <c>POST /api/events</c> (<c>CityScreen:Ingest:MaxRequestsInProgress</c>): a host
/// fed faster than it can store answers 503 with <c>Retry-After</c>, keeps nothing of a refused
/// request, and stores every event it accepted.
/// </summary>
[Collection("alone")]
public class IngestAdmissionFacts
{
    [Fact]
    public async Task A_flood_beyond_the_requests_in_progress_gets_503_with_Retry_After_and_every_accepted_event_ends_in_the_store()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Ingest:MaxRequestsInProgress", "1");
        using var http = host.Client();
        var store = host.Services.GetRequiredService<IEventStore>();
        var before = await store.CountAsync();
        var accepted = new List<string>();

        // A request whose body is still arriving holds the only slot. Nothing else is sent until it
        // does: a request arriving while another holds the slot is refused at once, the held one too.
        var held = new HeldBody(Batch(Checkin("held-1"), Checkin("held-2")));
        var heldAnswer = http.PostAsync("/api/events", held);
        var admission = host.Services.GetRequiredService<IngestAdmission>();
        await Eventually.HoldsAsync(() => admission.InProgress == 1, "the held request to take the only slot");
        using (var probe = await http.PostAsync("/api/events", Json(Checkin("probe"))))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.StatusCode);

        var flood = Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 10).Select(k => $"flood-{i}-{k}").ToArray()).ToList();
        var answers = await Task.WhenAll(flood.Select(ids => http.PostAsync("/api/events", Json(Batch([.. ids.Select(id => Checkin(id))])))));

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode);
            Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in whole seconds");
        });
        Assert.Equal(before + accepted.Count, await store.CountAsync());

        held.Release();
        Assert.Equal(HttpStatusCode.Accepted, (await heldAnswer).StatusCode);
        accepted.AddRange(["held-1", "held-2"]);

        // A sender that backs off as told gets every refused request in.
        await Task.WhenAll(flood.Select(async ids =>
        {
            for (var attempt = 0; ; attempt++)
            {
                using var answer = await http.PostAsync("/api/events", Json(Batch([.. ids.Select(id => Checkin(id))])));
                if (answer.StatusCode == HttpStatusCode.Accepted) break;
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                Assert.True(attempt < 60, "accepted within 60 resends");
                await Task.Delay(answer.Headers.RetryAfter!.Delta!.Value);
            }
        }));
        accepted.AddRange(flood.SelectMany(ids => ids));

        var stored = (await store.ReadAreaAsync(Grid)).Select(e => e.Id).ToHashSet();
        Assert.All(accepted, id => Assert.Contains(id, stored));
        Assert.Equal(before + accepted.Count, await store.CountAsync());
    }

    /// <summary>A body sent up to its first byte, the rest when released: the request is in progress meanwhile.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBody(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            await _released.Task;
            await stream.WriteAsync(_bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
