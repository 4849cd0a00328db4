using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Time;
using CityScreen.Grains.Grids;
using CityScreen.Storage;
using CityScreen.Storage.Checkpoints;
using CityScreen.Storage.Events;

namespace CityScreen.Grains.Tests;

/// <summary>
/// A leaf rebuilt from its checkpoint and the events after it has exactly the indicators of one
/// that replays every stored event: checked at every step of a random history that runs over
/// months and a new year, with late steps, cases open for a long time, steps of cases long
/// closed, events stored but never handed to the leaf, and checkpoints lost to a crash.
/// </summary>
public sealed class CheckpointRecoveryFacts : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cityscreen-checkpoints-").FullName;
    private readonly ManualClock _time = new(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly AreaTree _tree = TestCity.Build();
    private CityClock _clock = null!;
    private EventStore _store = null!;
    private CheckpointStore _checkpoints = null!;

    public async Task InitializeAsync()
    {
        _clock = new CityClock(_time, CityClock.FindZone("Asia/Shanghai"));
        var database = CityScreenDatabase.Sqlite(Path.Combine(_directory, "events.db"));
        _store = new EventStore(database);
        await _store.InitializeAsync();
        _checkpoints = new CheckpointStore(database);
        await _checkpoints.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Checkpoint_and_tail_give_the_indicators_of_a_full_replay_at_every_step(int seed)
    {
        var grid = TestCity.Grids(_tree)[seed];
        var random = new Random(seed);
        var ledger = NewLedger(grid);
        var live = new LedgerHistory(grid, ledger, _store, new CrashingCheckpoints(_checkpoints, random), TimeSpan.Zero);
        var steps = new EventSteps(grid, random);
        var checkpointsTaken = 0;
        var fromCheckpoint = 0;

        // About 150 days, past a new year, so 30-day windows, the year's counts and the prunes all turn over.
        for (var step = 0; step < 60; step++)
        {
            _time.Advance(TimeSpan.FromHours(random.Next(1, 120)));
            var appended = await _store.AppendAsync(steps.Next(_clock.Now));
            foreach (var e in appended.Stored)
            {
                // Some events are stored but never reach the leaf, as when their host dies in between.
                if (random.Next(15) == 0) continue;
                // Handed as the ingest path hands them: a case the append opened is not read back.
                await live.ApplyHandedAsync(e, appended.OpenedCases);
            }
            // The grain prunes its ledger on the hour, so a checkpoint sees a pruned ledger.
            if (random.Next(2) == 0) ledger.Prune(_clock.Now);
            if (random.Next(3) == 0 && await TryCheckpointAsync(live, _clock.Now)) checkpointsTaken++;

            var now = _clock.Now;
            var expected = await FullReplayAsync(grid, now);
            var recovered = NewLedger(grid);
            var history = new LedgerHistory(grid, recovered, _store, _checkpoints, TimeSpan.Zero);
            await history.RecoverAsync(now);
            if (history.FromCheckpoint) fromCheckpoint++;
            var actual = Values(recovered, now);
            Assert.True(IndicatorMath.SameAs(expected.Values, actual),
                $"step {step} at {now:yyyy-MM-dd HH:mm}: the checkpoint and its tail differ from the full replay{Environment.NewLine}{Differences(expected.Values, actual)}");
            Assert.Equal(expected.OpenCases, OpenCases(recovered));
        }
        Assert.True(checkpointsTaken > 5, $"only {checkpointsTaken} checkpoints were taken");
        Assert.True(fromCheckpoint > 40, $"only {fromCheckpoint} rebuilds started from a checkpoint");
        // The long-open case stays open through every checkpoint.
        Assert.Contains(steps.LongOpenCase, (await FullReplayAsync(grid, _clock.Now)).OpenCases);
    }

    [Fact]
    public async Task A_rebuild_from_a_checkpoint_reads_what_the_ledger_needs_and_not_the_whole_history()
    {
        var grid = TestCity.Grids(_tree)[5];
        var random = new Random(9);
        var ledger = NewLedger(grid);
        var live = new LedgerHistory(grid, ledger, _store, _checkpoints, TimeSpan.Zero);
        var steps = new EventSteps(grid, random);
        var stored = 0;
        for (var step = 0; step < 80; step++)
        {
            _time.Advance(TimeSpan.FromHours(random.Next(24, 72)));
            var appended = await _store.AppendAsync(steps.Next(_clock.Now));
            foreach (var e in appended.Stored)
            {
                await live.ApplyHandedAsync(e, appended.OpenedCases);
                stored++;
            }
            ledger.Prune(_clock.Now);
            await live.CheckpointAsync(_clock.Now);
        }
        var recovered = new LedgerHistory(grid, NewLedger(grid), _store, _checkpoints, TimeSpan.Zero);
        await recovered.RecoverAsync(_clock.Now);
        Assert.True(recovered.FromCheckpoint);
        Assert.True(recovered.Replayed < stored / 2, $"the rebuild applied {recovered.Replayed} of {stored} stored events");
    }

    private GridLedger NewLedger(string grid) => LeafLedger.For(_tree.Get(grid), _clock);

    private static async Task<bool> TryCheckpointAsync(LedgerHistory live, DateTimeOffset now)
    {
        try
        {
            return await live.CheckpointAsync(now);
        }
        catch (CrashingCheckpoints.Crash)
        {
            return false;
        }
    }

    /// <summary>What a rebuild of every stored event gives, as the grain computes it after activation (a prune, then the values).</summary>
    private async Task<(IndicatorValues Values, string[] OpenCases)> FullReplayAsync(string grid, DateTimeOffset now)
    {
        var ledger = NewLedger(grid);
        foreach (var e in await _store.ReadAreaAsync(grid)) ledger.Apply(e);
        return (Values(ledger, now), OpenCases(ledger));
    }

    private static IndicatorValues Values(GridLedger ledger, DateTimeOffset now)
    {
        ledger.Prune(now);
        return ledger.Compute(now).Values;
    }

    private static string[] OpenCases(GridLedger ledger) =>
        [.. ledger.Cases.Where(c => c.IsOpen).Select(c => c.CaseId).Order(StringComparer.Ordinal)];

    private static string Differences(IndicatorValues a, IndicatorValues b) =>
        string.Join(", ", Enumerable.Range(0, a.Counters.Length).Where(i => a.Counters[i] != b.Counters[i])
            .Select(i => $"{(Counter)i}: {a.Counters[i]} vs {b.Counters[i]}"));

    /// <summary>A checkpoint store whose writes sometimes die before they commit, as a killed host's would.</summary>
    private sealed class CrashingCheckpoints(ICheckpointStore inner, Random random) : ICheckpointStore
    {
        public sealed class Crash : Exception;

        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);
        public Task<GridCheckpoint?> ReadAsync(string areaId, CancellationToken cancellationToken = default) => inner.ReadAsync(areaId, cancellationToken);
        public Task SaveAsync(GridCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
            random.Next(4) == 0 ? throw new Crash() : inner.SaveAsync(checkpoint, cancellationToken);
        public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);
        public Task<int> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
    }
}
