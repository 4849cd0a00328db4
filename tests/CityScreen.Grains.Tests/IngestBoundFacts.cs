using CityScreen.Contracts.Events;
using CityScreen.Grains.Ingest;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Tests;

/// <summary>
/// Ingest takes a bounded number of requests at once: when the store and the grids behind it are
/// still busy with earlier ones, a request is refused before anything of it is stored.
/// </summary>
public class IngestBoundFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_request_beyond_the_bound_is_refused_and_stores_nothing_and_its_resend_is_taken_later()
    {
        var held = new HeldStore(fixture.Store);
        var ingestor = new EventIngestor(fixture.Tree, held, fixture.Cluster.Client, NullLogger<EventIngestor>.Instance,
            Options.Create(new GrainOptions { MaxIngestInFlight = 1 }));
        var grid = TestCity.Grids(fixture.Tree)[3];
        CityEvent Checkin(string id) => new()
        {
            Id = id, Type = EventTypes.MemberCheckin, OccurredAt = fixture.Clock.Now.AddMinutes(-1),
            GridId = grid, Source = "test", MemberId = "m-" + id, UnitId = "u1",
        };

        var first = ingestor.IngestAsync([Checkin("bound-1")]);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<StoreBusyException>(() => ingestor.IngestAsync([Checkin("bound-2")]));

        held.Release.SetResult();
        Assert.Equal(1, (await first.WaitAsync(TimeSpan.FromSeconds(30))).Accepted);
        Assert.DoesNotContain((await fixture.Store.ReadAreaAsync(grid)), e => e.Id == "bound-2");
        Assert.Equal(1, (await ingestor.IngestAsync([Checkin("bound-2")])).Accepted);
    }

    /// <summary>The real store, with the first append held open until the test lets it go.</summary>
    private sealed class HeldStore(IEventStore inner) : IEventStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<AppendResult> AppendAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            return await inner.AppendAsync(events, cancellationToken);
        }

        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);
        public Task<IReadOnlyList<CityEvent>> ReadAreaAsync(string areaId, CancellationToken cancellationToken = default) => inner.ReadAreaAsync(areaId, cancellationToken);
        public Task<IReadOnlyDictionary<string, string>> FindCaseAreasAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default) => inner.FindCaseAreasAsync(caseIds, cancellationToken);
        public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
        public Task<long> LastSeqAsync(string areaId, CancellationToken cancellationToken = default) => inner.LastSeqAsync(areaId, cancellationToken);
        public IAsyncEnumerable<CityEvent> ReadAreaAfterAsync(string areaId, long afterSeq, long upToSeq = long.MaxValue, CancellationToken cancellationToken = default) => inner.ReadAreaAfterAsync(areaId, afterSeq, upToSeq, cancellationToken);
        public IAsyncEnumerable<CityEvent> ReadAreaSeqsAsync(string areaId, IReadOnlyList<long> seqs, CancellationToken cancellationToken = default) => inner.ReadAreaSeqsAsync(areaId, seqs, cancellationToken);
        public Task<IReadOnlyList<CityEvent>> ReadCaseAsync(string areaId, string caseId, long beforeSeq, CancellationToken cancellationToken = default) => inner.ReadCaseAsync(areaId, caseId, beforeSeq, cancellationToken);
    }
}
