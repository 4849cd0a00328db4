using CityScreen.Contracts.Events;
using CityScreen.Domain.Time;
using CityScreen.Server.Cases;
using CityScreen.Storage.Events;

namespace CityScreen.Server.Tests;

/// <summary>A grid's case list replays its history once per version of it, not on every read.</summary>
public class CaseListFacts
{
    [Fact]
    public async Task The_history_is_replayed_again_only_when_the_grid_has_a_new_event()
    {
        var tree = TestCity.Build();
        var store = new CountingStore();
        using var cases = new CaseListService(tree, store, CityClock.System());
        var grid = tree.Get(TestCity.Grid);
        var query = new CaseQuery(null, null, false, null, null);
        store.Add(Reported("AJ-1", 1));

        var first = await cases.ListAsync(grid, query);
        var second = await cases.ListAsync(grid, query with { OverdueOnly = true });
        Assert.Equal(1, store.Replays);

        store.Add(Reported("AJ-2", 2));
        var third = await cases.ListAsync(grid, query);

        Assert.Equal(2, store.Replays);
        Assert.Equal(["AJ-1"], first.Select(r => r.CaseId));
        Assert.Empty(second);
        Assert.Equal(["AJ-1", "AJ-2"], third.Select(r => r.CaseId).Order());
    }

    private static CityEvent Reported(string caseId, long seq) => new()
    {
        Seq = seq, Id = caseId + "-r", Type = EventTypes.CaseReported, OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-10 + seq), GridId = TestCity.Grid, Source = "test",
        CaseId = caseId, Kind = "event", Category = "市容环境", Level = "normal", Title = "垃圾堆积",
    };

    /// <summary>The events of one test in memory, counting how often a grid's history is read.</summary>
    private sealed class CountingStore : IEventStore
    {
        private readonly List<CityEvent> _events = [];

        public int Replays { get; private set; }

        public void Add(CityEvent e) => _events.Add(e);

        public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<AppendResult> AppendAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)_events.Count);
        public Task<IReadOnlyDictionary<string, string>> FindCaseAreasAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<long> LastSeqAsync(string areaId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_events.Where(e => e.AreaId == areaId).Select(e => e.Seq).DefaultIfEmpty(0).Max());

        public Task<IReadOnlyList<CityEvent>> ReadAreaAsync(string areaId, CancellationToken cancellationToken = default)
        {
            Replays++;
            return Task.FromResult<IReadOnlyList<CityEvent>>(_events.Where(e => e.AreaId == areaId).ToList());
        }

        public IAsyncEnumerable<CityEvent> ReadAreaAfterAsync(string areaId, long afterSeq, long upToSeq = long.MaxValue, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public IAsyncEnumerable<CityEvent> ReadAreaSeqsAsync(string areaId, IReadOnlyList<long> seqs, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<CityEvent>> ReadCaseAsync(string areaId, string caseId, long beforeSeq, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
