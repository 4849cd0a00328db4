using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;

namespace CityScreen.Storage.Tests;

/// <summary>
/// What every <see cref="IEventStore"/> promises, run against each implementation by a derived
/// class. Several stores opened by one test share one database, as several hosts do.
/// </summary>
public abstract class EventStoreContract : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _stores = [];

    /// <summary>A store on this test's database, as one more host would open it (not yet initialized).</summary>
    protected abstract IEventStore CreateStore(int maxPendingAppends = 2_000);

    /// <summary>Holds the write lock from another connection until disposed: the store's writer waits on it.</summary>
    protected abstract Task<IAsyncDisposable> HoldWritesAsync();

    /// <summary>Returns once the writer has taken <paramref name="first"/> and waits on the held lock (as far as the store lets a test see).</summary>
    protected virtual Task WriterStuckAsync(Task first) => Task.Delay(20);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    protected async Task<IEventStore> OpenAsync(int maxPendingAppends = 2_000)
    {
        var store = CreateStore(maxPendingAppends);
        _stores.Add((IAsyncDisposable)store);
        await store.InitializeAsync();
        return store;
    }

    protected static CityEvent Checkin(string id, string? grid = "g1") => new()
    {
        Id = id, Type = EventTypes.MemberCheckin, OccurredAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8)),
        GridId = grid, Source = "test", MemberId = "m1", UnitId = "u1",
    };

    [Fact]
    public async Task An_area_s_last_seq_grows_with_its_own_events_only()
    {
        var store = await OpenAsync();
        Assert.Equal(0, await store.LastSeqAsync("g1"));

        var first = await store.AppendAsync([Checkin("seq-a"), Checkin("seq-b")]);
        var g1 = await store.LastSeqAsync("g1");
        await store.AppendAsync([Checkin("seq-c", grid: "g2"), Checkin("seq-a")]);

        Assert.Equal(first.Stored[1].Seq, g1);
        Assert.Equal(g1, await store.LastSeqAsync("g1"));
        Assert.True(await store.LastSeqAsync("g2") > g1);
    }

    [Fact]
    public async Task A_leaf_s_events_read_after_a_sequence_by_sequences_and_by_case_are_its_own_in_store_order()
    {
        var store = await OpenAsync();
        CityEvent Step(string id, string caseId, string grid = "g1") => Checkin(id, grid) with
        {
            Type = id.EndsWith("-r", StringComparison.Ordinal) ? EventTypes.CaseReported : EventTypes.CaseFiled, CaseId = caseId,
            Kind = "event", Category = "市容环境", Level = "normal", Title = "t", MemberId = null, UnitId = null,
        };
        var stored = (await store.AppendAsync([Step("rd-1-r", "c1"), Checkin("rd-2"), Step("rd-3-r", "c2", "g2"), Step("rd-4-f", "c1"), Checkin("rd-5")])).Stored;
        var seq = stored.ToDictionary(e => e.Id, e => e.Seq);

        var after = new List<string>();
        await foreach (var e in store.ReadAreaAfterAsync("g1", seq["rd-1-r"])) after.Add(e.Id);
        Assert.Equal(["rd-2", "rd-4-f", "rd-5"], after);
        var upTo = new List<string>();
        await foreach (var e in store.ReadAreaAfterAsync("g1", 0, seq["rd-4-f"])) upTo.Add(e.Id);
        Assert.Equal(["rd-1-r", "rd-2", "rd-4-f"], upTo);
        var picked = new List<string>();
        await foreach (var e in store.ReadAreaSeqsAsync("g1", [seq["rd-1-r"], seq["rd-3-r"], seq["rd-5"]])) picked.Add(e.Id);
        Assert.Equal(["rd-1-r", "rd-5"], picked);
        Assert.Equal(["rd-1-r"], (await store.ReadCaseAsync("g1", "c1", seq["rd-4-f"])).Select(e => e.Id));
    }

    [Fact]
    public async Task Appends_are_durable_ordered_and_idempotent_by_id()
    {
        var store = await OpenAsync();
        var first = await store.AppendAsync([Checkin("a"), Checkin("b"), Checkin("a")]);
        var second = await store.AppendAsync([Checkin("b"), Checkin("c", grid: "g2")]);

        Assert.Equal(["a", "b"], first.Stored.Select(e => e.Id));
        Assert.Equal(1, first.Duplicates);
        Assert.Equal(["c"], second.Stored.Select(e => e.Id));
        Assert.Equal(1, second.Duplicates);
        Assert.True(first.Stored[1].Seq > first.Stored[0].Seq);
        Assert.True(second.Stored[0].Seq > first.Stored[1].Seq);

        var reopened = await OpenAsync();
        Assert.Equal(3, await reopened.CountAsync());
        Assert.Equal(["a", "b"], (await reopened.ReadAreaAsync("g1")).Select(e => e.Id));
        Assert.Equal(first.Stored.Select(e => e.Seq), (await reopened.ReadAreaAsync("g1")).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_batch_with_an_event_the_store_cannot_take_stores_nothing_of_it()
    {
        var store = await OpenAsync();
        var noArea = Checkin("no-area", grid: null);

        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendAsync([Checkin("a"), noArea, Checkin("b")]));

        Assert.Equal(0, await store.CountAsync());
        var resent = await store.AppendAsync([Checkin("a"), Checkin("b")]);
        Assert.Equal(["a", "b"], resent.Stored.Select(e => e.Id));
        Assert.Equal(0, resent.Duplicates);
    }

    [Fact]
    public async Task Concurrent_appenders_on_several_hosts_store_every_id_once_and_count_the_rest_as_duplicates()
    {
        var hosts = new[] { await OpenAsync(), await OpenAsync() };
        // Four appenders per host, each sending 25 requests of 8 ids drawn from 300: many ids
        // arrive several times, at the same moment, through different hosts.
        var appenders = Enumerable.Range(0, 8).Select(a => Task.Run(async () =>
        {
            var random = new Random(a);
            var results = new List<(CityEvent[] Sent, AppendResult Result)>();
            for (var r = 0; r < 25; r++)
            {
                // An id always names the same event (ids resent with other content are refused).
                var sent = Enumerable.Range(0, 8).Select(_ => random.Next(300)).Select(n => Checkin($"e{n}", grid: $"g{n % 3}")).ToArray();
                results.Add((sent, await hosts[a % 2].AppendAsync(sent)));
            }
            return results;
        })).ToList();
        var all = (await Task.WhenAll(appenders)).SelectMany(r => r).ToList();

        var distinct = all.SelectMany(r => r.Sent).Select(e => e.Id).Distinct().Count();
        var stored = all.SelectMany(r => r.Result.Stored).ToList();
        Assert.Equal(distinct, stored.Count);
        Assert.Equal(distinct, stored.Select(e => e.Id).Distinct().Count());
        Assert.Equal(distinct, stored.Select(e => e.Seq).Distinct().Count());
        Assert.Equal(all.Sum(r => r.Sent.Length) - distinct, all.Sum(r => r.Result.Duplicates));
        Assert.Equal(distinct, await hosts[0].CountAsync());
        // Within a request, sequences follow the order of its events.
        Assert.All(all, r => Assert.Equal(r.Result.Stored.Select(e => e.Seq).Order(), r.Result.Stored.Select(e => e.Seq)));
    }

    [Fact]
    public async Task When_the_writer_falls_behind_appends_are_refused_at_once_and_nothing_accepted_is_lost()
    {
        var store = await OpenAsync(maxPendingAppends: 2);
        var hold = await HoldWritesAsync();

        var appends = new List<Task<AppendResult>> { store.AppendAsync([Checkin("w0")]) };
        await WriterStuckAsync(appends[0]);
        for (var i = 1; i < 10; i++) appends.Add(store.AppendAsync([Checkin($"w{i}")]));
        var refused = appends.Where(t => t.IsFaulted).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, t => Assert.IsType<StoreBusyException>(t.Exception!.InnerException));
        var waiting = appends.Except(refused).ToList();
        // The writer took some into its stuck commit and two more wait in the queue; the rest were refused.
        Assert.NotEmpty(waiting);

        await hold.DisposeAsync();
        var accepted = await Task.WhenAll(waiting);
        Assert.Equal(waiting.Count, accepted.Sum(a => a.Stored.Count));
        Assert.Equal(accepted.Sum(a => a.Stored.Count), await store.CountAsync());
    }

    [Fact]
    public async Task Cases_are_found_in_the_area_of_their_steps()
    {
        var store = await OpenAsync();
        await store.AppendAsync([Checkin("x", grid: "g7") with { Type = EventTypes.CaseResolved, CaseId = "c1" }, Checkin("y", grid: "g8") with { Type = EventTypes.CaseResolved, CaseId = "c2" }]);

        var found = await store.FindCaseAreasAsync(["c1", "c2", "never"]);

        Assert.Equal(new Dictionary<string, string> { ["c1"] = "g7", ["c2"] = "g8" }, found);
    }

    [Fact]
    public async Task A_case_belongs_to_the_area_of_its_earliest_step()
    {
        var store = await OpenAsync();
        await store.AppendAsync([Checkin("first", grid: "g7") with { Type = EventTypes.CaseResolved, CaseId = "c1" }]);
        await store.AppendAsync([Checkin("moved", grid: "g8") with { Type = EventTypes.CaseResolved, CaseId = "c1" }, Checkin("again", grid: "g9") with { Type = EventTypes.CaseResolved, CaseId = "c1" }]);

        Assert.Equal("g7", (await store.FindCaseAreasAsync(["c1"]))["c1"]);
    }

    [Fact]
    public async Task A_bad_request_sharing_a_commit_with_good_ones_fails_alone()
    {
        var store = await OpenAsync();
        var hold = await HoldWritesAsync();
        var first = store.AppendAsync([Checkin("first")]);
        // The writer is stuck on the lock with the first request: the next two queue and will be
        // taken into one transaction together.
        await WriterStuckAsync(first);
        var bad = store.AppendAsync([Checkin("bad-1"), Checkin("bad-2", grid: null)]);
        var good = store.AppendAsync([Checkin("good")]);

        await hold.DisposeAsync();

        Assert.Single((await first).Stored);
        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        Assert.Equal(["good"], (await good).Stored.Select(e => e.Id));
        Assert.Equal(2, await store.CountAsync());
    }

    private static CityEvent CaseStep(string id, string caseId, string grid) => Checkin(id, grid) with { Type = EventTypes.CaseResolved, CaseId = caseId };

    [Fact]
    public async Task Ids_are_unique_per_source_so_one_source_cannot_take_an_id_another_will_use()
    {
        var store = await OpenAsync();
        await store.AppendAsync([Checkin("shared-id") with { Source = "squatter", MemberId = "m-squat" }]);

        var owner = await store.AppendAsync([Checkin("shared-id") with { Source = "hotline" }]);
        var resend = await store.AppendAsync([Checkin("shared-id") with { Source = "hotline" }]);

        Assert.Equal(["shared-id"], owner.Stored.Select(e => e.Id));
        Assert.Equal("hotline", owner.Stored[0].Source);
        Assert.Equal((0, 1), (resend.Stored.Count, resend.Duplicates));
        Assert.Equal(["squatter", "hotline"], (await store.ReadAreaAsync("g1")).Select(e => e.Source));
    }

    [Fact]
    public async Task A_resent_id_with_other_content_is_refused_by_position_and_its_request_stores_nothing()
    {
        var store = await OpenAsync();
        await store.AppendAsync([Checkin("sent-once")]);

        var changed = await store.AppendAsync([Checkin("new-one"), Checkin("sent-once") with { MemberId = "someone-else" }]);
        var same = await store.AppendAsync([Checkin("sent-once"), Checkin("new-two")]);

        var conflict = Assert.Single(changed.Conflicts);
        Assert.Equal((1, "id"), (conflict.Index, conflict.Field));
        Assert.Contains("sent-once", conflict.Reason);
        Assert.Empty(changed.Stored);
        Assert.Empty(same.Conflicts);
        Assert.Equal(["new-two"], same.Stored.Select(e => e.Id));
        Assert.Equal(1, same.Duplicates);
        Assert.Equal(["sent-once", "new-two"], (await store.ReadAreaAsync("g1")).Select(e => e.Id));
    }

    [Fact]
    public async Task A_conflicting_request_sharing_a_commit_with_good_ones_is_refused_alone()
    {
        var store = await OpenAsync();
        await store.AppendAsync([Checkin("taken")]);
        var hold = await HoldWritesAsync();
        var first = store.AppendAsync([Checkin("first")]);
        await WriterStuckAsync(first);
        var changed = store.AppendAsync([Checkin("changed-1"), Checkin("taken") with { UnitId = "u9" }]);
        var good = store.AppendAsync([Checkin("good"), Checkin("taken")]);

        await hold.DisposeAsync();

        Assert.Single((await first).Stored);
        Assert.Equal(1, Assert.Single((await changed).Conflicts).Index);
        Assert.Equal(["good"], (await good).Stored.Select(e => e.Id));
        Assert.Equal(1, (await good).Duplicates);
        Assert.Equal(3, await store.CountAsync());
    }

    [Fact]
    public async Task An_append_names_the_cases_it_opened_and_a_batch_mixing_new_steps_resends_and_a_repeat_within_itself_opens_only_the_new_case()
    {
        var store = await OpenAsync();
        var first = await store.AppendAsync([CaseStep("x-1", "case-x", "g1"), CaseStep("x-2", "case-x", "g1"), CaseStep("x-1", "case-x", "g1"), Checkin("plain")]);

        // The resend of x-2, a new step of case-x (stored before) and the first step of case-y.
        var second = await store.AppendAsync([CaseStep("x-2", "case-x", "g1"), CaseStep("x-3", "case-x", "g1"), CaseStep("y-1", "case-y", "g2")]);

        Assert.Equal(["x-1", "x-2", "plain"], first.Stored.Select(e => e.Id));
        Assert.Equal(1, first.Duplicates);
        Assert.Equal(["case-x"], first.OpenedCases);
        Assert.Equal(["x-3", "y-1"], second.Stored.Select(e => e.Id));
        Assert.Equal(1, second.Duplicates);
        Assert.Equal(["case-y"], second.OpenedCases);
    }

    [Fact]
    public async Task Of_requests_sharing_a_commit_only_the_one_whose_step_bound_a_case_opened_it()
    {
        var store = await OpenAsync();
        var hold = await HoldWritesAsync();
        var first = store.AppendAsync([Checkin("first")]);
        await WriterStuckAsync(first);
        var opener = store.AppendAsync([CaseStep("z-1", "case-z", "g1")]);
        var follower = store.AppendAsync([CaseStep("z-2", "case-z", "g1"), CaseStep("w-1", "case-w", "g1")]);

        await hold.DisposeAsync();

        Assert.Empty((await first).OpenedCases);
        Assert.Equal(["case-z"], (await opener).OpenedCases);
        Assert.Equal(["case-w"], (await follower).OpenedCases);
        Assert.Equal(["z-2", "w-1"], (await follower).Stored.Select(e => e.Id));
    }

    [Fact]
    public async Task Two_hosts_racing_to_open_the_same_new_case_in_different_grids_bind_it_once()
    {
        var (left, right) = (await OpenAsync(), await OpenAsync());

        // Each round, both hosts accept the first step of the same new case at the same moment,
        // each in its own grid: the binding is part of the append, so exactly one of them wins.
        var rounds = await Task.WhenAll(Enumerable.Range(0, 30).Select(async r =>
        {
            var results = await Task.WhenAll(
                Task.Run(() => left.AppendAsync([Checkin($"l-other-{r}"), CaseStep($"l-{r}", $"race-{r}", "g1")])),
                Task.Run(() => right.AppendAsync([CaseStep($"r-{r}", $"race-{r}", "g2")])));
            return (Case: $"race-{r}", Left: results[0], Right: results[1]);
        }));

        var bound = await left.FindCaseAreasAsync(rounds.Select(r => r.Case).ToList());
        foreach (var (caseId, l, r) in rounds)
        {
            var winner = bound[caseId];
            var (won, lost, lostIndex) = winner == "g1" ? (l, r, 0) : (r, l, 1);
            Assert.Empty(won.Conflicts);
            Assert.Empty(lost.Stored);
            var conflict = Assert.Single(lost.Conflicts);
            Assert.Equal((lostIndex, "gridId"), (conflict.Index, conflict.Field));
            Assert.Contains(caseId, conflict.Reason);
        }
        Assert.Equal(30, await left.CountAsync() - rounds.Count(r => r.Left.Stored.Count == 2));
    }
}
