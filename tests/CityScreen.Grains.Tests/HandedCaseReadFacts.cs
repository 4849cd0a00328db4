using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Time;
using CityScreen.Grains.Grids;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using CityScreen.Testing;

namespace CityScreen.Grains.Tests;

/// <summary>
/// A leaf reads a case's earlier steps back only when it may have forgotten them: not for a case
/// the append that hands the step opened (nothing of it was stored before), which was a database
/// round trip per event on the ingest path.
/// </summary>
public sealed class HandedCaseReadFacts : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cityscreen-handed-").FullName;
    private readonly AreaTree _tree = TestCity.Build();
    private readonly CityClock _clock = new(new ManualClock(CaseSteps.Local(20, 9)), CityClock.FindZone("Asia/Shanghai"));
    private EventStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new EventStore(CityScreenDatabase.Sqlite(Path.Combine(_directory, "events.db")));
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_step_of_a_case_its_append_opened_is_applied_without_reading_and_a_step_of_a_case_stored_before_is_read_back()
    {
        var grid = TestCity.Grids(_tree)[2];
        var counting = new CaseReadCountingStore(_store);
        var ledger = LeafLedger.For(_tree.Get(grid), _clock);
        var history = new LedgerHistory(grid, ledger, counting, checkpoints: null, TimeSpan.Zero);

        // A case whose first stored step is not its report (the report arrives later, or never).
        var opened = new CaseSteps("handed-opened", grid);
        var first = await _store.AppendAsync([opened.Dispatched(CaseSteps.Local(20, 8)), opened.Responded(CaseSteps.Local(20, 8, 30))]);
        foreach (var e in first.Stored) await history.ApplyHandedAsync(e, first.OpenedCases);
        Assert.Equal(["handed-opened"], first.OpenedCases);
        Assert.Equal(0, counting.CaseReads);
        Assert.NotNull(ledger.FindCase("handed-opened"));

        // A case stored before that this ledger does not hold (as after a prune) is read back whole.
        var earlier = new CaseSteps("handed-earlier", grid);
        await _store.AppendAsync([earlier.Reported(CaseSteps.Local(20, 7))]);
        var later = await _store.AppendAsync([earlier.Resolved(CaseSteps.Local(20, 8, 45))]);
        foreach (var e in later.Stored) await history.ApplyHandedAsync(e, later.OpenedCases);
        Assert.Empty(later.OpenedCases);
        Assert.Equal(1, counting.CaseReads);
        Assert.NotNull(ledger.FindCase("handed-earlier")?.Report);
    }

    /// <summary>The real store, counting the reads of a case's earlier steps.</summary>
    private sealed class CaseReadCountingStore(IEventStore inner) : IEventStore
    {
        public int CaseReads { get; private set; }

        public Task<IReadOnlyList<CityEvent>> ReadCaseAsync(string areaId, string caseId, long beforeSeq, CancellationToken cancellationToken = default)
        {
            CaseReads++;
            return inner.ReadCaseAsync(areaId, caseId, beforeSeq, cancellationToken);
        }

        public Task<AppendResult> AppendAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default) => inner.AppendAsync(events, cancellationToken);
        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);
        public Task<IReadOnlyList<CityEvent>> ReadAreaAsync(string areaId, CancellationToken cancellationToken = default) => inner.ReadAreaAsync(areaId, cancellationToken);
        public Task<IReadOnlyDictionary<string, string>> FindCaseAreasAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default) => inner.FindCaseAreasAsync(caseIds, cancellationToken);
        public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
        public Task<long> LastSeqAsync(string areaId, CancellationToken cancellationToken = default) => inner.LastSeqAsync(areaId, cancellationToken);
        public IAsyncEnumerable<CityEvent> ReadAreaAfterAsync(string areaId, long afterSeq, long upToSeq = long.MaxValue, CancellationToken cancellationToken = default) => inner.ReadAreaAfterAsync(areaId, afterSeq, upToSeq, cancellationToken);
        public IAsyncEnumerable<CityEvent> ReadAreaSeqsAsync(string areaId, IReadOnlyList<long> seqs, CancellationToken cancellationToken = default) => inner.ReadAreaSeqsAsync(areaId, seqs, cancellationToken);
    }
}
