using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;
using CityScreen.Storage.Rollups;

namespace CityScreen.Storage.Tests;

/// <summary>The reads the nightly job makes of the event log, run against each store by a derived class.</summary>
public abstract class EventHistoryContract : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private IEventStore _events = null!;

    /// <summary>An event store on this test's database, not yet initialized.</summary>
    protected abstract Task<IEventStore> CreateEventsAsync();

    /// <summary>The history reading this test's database.</summary>
    protected abstract IEventHistory CreateHistory();

    public async Task InitializeAsync()
    {
        _events = await CreateEventsAsync();
        await _events.InitializeAsync();
    }

    public virtual async Task DisposeAsync() => await ((IAsyncDisposable)_events).DisposeAsync();

    protected IEventStore Events => _events;

    protected static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, Shanghai);

    protected static CityEvent Step(string id, string type, string caseId, DateTimeOffset at, string grid = "g1") => new()
    {
        Id = id, Type = type, OccurredAt = at, GridId = grid, Source = "test", CaseId = caseId,
        Kind = type == EventTypes.CaseReported ? "hotline" : null,
        Category = type == EventTypes.CaseReported ? "噪音扰民" : null,
        Level = type == EventTypes.CaseReported ? "normal" : null,
        Title = type == EventTypes.CaseReported ? "噪音" : null,
        DueAt = type == EventTypes.CaseFiled ? at.AddHours(4) : null,
    };

    [Fact]
    public async Task Heads_after_a_cursor_carry_what_marking_needs_without_the_body()
    {
        var history = CreateHistory();
        await _events.AppendAsync([Step("a", EventTypes.CaseReported, "c1", At(2, 9)), Step("b", EventTypes.CaseFiled, "c1", At(2, 10))]);
        var first = await history.LastSeqAsync();
        await _events.AppendAsync([
            Step("c", EventTypes.CaseClosed, "c1", At(3, 9)),
            new CityEvent { Id = "p", Type = EventTypes.ProjectCompleted, OccurredAt = At(3, 10), CommunityId = "k1", Source = "test", ProjectId = "p1" },
        ]);

        var heads = new List<EventHead>();
        await foreach (var h in history.ReadHeadsAsync(first, await history.LastSeqAsync())) heads.Add(h);

        Assert.Equal(["c", "p"], heads.Select(h => h.Type == EventTypes.CaseClosed ? "c" : "p"));
        Assert.Equal("c1", heads[0].CaseId);
        Assert.Equal(At(3, 9), heads[0].OccurredAt);
        Assert.Equal(("k1", "p1"), (heads[1].LeafId, heads[1].ProjectId));
        Assert.Equal(At(2, 9), (await history.CaseStartsAsync(["c1", "unknown"]))["c1"]);
    }

    [Fact]
    public async Task A_leaf_window_holds_its_recent_events_and_its_older_12345_reports()
    {
        var history = CreateHistory();
        await _events.AppendAsync([
            Step("old-report", EventTypes.CaseReported, "c-old", At(1, 9)),
            Step("old-filing", EventTypes.CaseFiled, "c-old", At(1, 10)),
            Step("report", EventTypes.CaseReported, "c-new", At(5, 9)),
            Step("elsewhere", EventTypes.CaseReported, "c-other", At(5, 9), grid: "g2"),
        ]);

        var window = await history.WindowAsync(At(4, 0), At(1, 0));
        var read = await history.ReadLeafAsync("g1", window);

        Assert.Equal(["old-report", "report"], read.Select(e => e.Id).Order());
        Assert.Equal(["old-filing", "old-report"], (await history.ReadCasesAsync(["c-old"])).Select(e => e.Id).Order());
        Assert.Equal(At(1, 9), await history.FirstOccurredAtAsync());
        Assert.Equal(At(5, 9), await history.LastStoredOccurredAtAsync());
    }

    [Fact]
    public async Task An_empty_store_has_no_events_to_read()
    {
        var history = CreateHistory();

        Assert.Equal(0, await history.LastSeqAsync());
        Assert.Null(await history.FirstOccurredAtAsync());
        var window = await history.WindowAsync(At(4, 0), At(1, 0));
        Assert.Empty(await history.ReadLeafAsync("g1", window));
    }
}
