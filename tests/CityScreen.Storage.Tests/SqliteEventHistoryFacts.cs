using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;
using CityScreen.Storage.Rollups;

namespace CityScreen.Storage.Tests;

[Collection(JobTablesCollection.Name)]
public sealed class SqliteEventHistoryFacts : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly TempDatabase _db = new();
    private SqliteEventStore _events = null!;

    public async Task InitializeAsync()
    {
        _events = new SqliteEventStore(_db.Path);
        await _events.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _events.DisposeAsync();
        _db.Dispose();
    }

    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, Shanghai);

    private static CityEvent Step(string id, string type, string caseId, DateTimeOffset at, string grid = "g1") => new()
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
        var history = new SqliteEventHistory(_db.Path);
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
        var history = new SqliteEventHistory(_db.Path);
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
        var history = new SqliteEventHistory(_db.Path);

        Assert.Equal(0, await history.LastSeqAsync());
        Assert.Null(await history.FirstOccurredAtAsync());
        var window = await history.WindowAsync(At(4, 0), At(1, 0));
        Assert.Empty(await history.ReadLeafAsync("g1", window));
    }
}
