using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;

namespace CityScreen.Storage.Tests;

/// <summary>The embedded store's online backup: a consistent copy while events keep arriving, never over an existing file.</summary>
public sealed class SqliteBackupFacts : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static CityEvent Checkin(int n) => new()
    {
        Id = $"b{n}", Type = EventTypes.MemberCheckin, OccurredAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8)),
        GridId = "g1", Source = "test", MemberId = $"m{n}", UnitId = "u1",
    };

    [Fact]
    public async Task A_backup_taken_while_events_are_appended_holds_a_whole_prefix_of_them()
    {
        await using var store = new EventStore(CityScreenDatabase.Sqlite(_db.Path));
        await store.InitializeAsync();
        using var stop = new CancellationTokenSource();
        var appended = 0;
        // Requests of two events each, one after another: the copy must hold whole requests, in order.
        var appending = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n += 2)
            {
                await store.AppendAsync([Checkin(n), Checkin(n + 1)]);
                Interlocked.Add(ref appended, 2);
            }
        });
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref appended) >= 200), "200 events appended", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10));

        var copy = System.IO.Path.Combine(_db.DirectoryPath, "backup.db");
        await SqliteBackup.BackupAsync(CityScreenDatabase.Sqlite(_db.Path), copy);
        await using var restored = new EventStore(CityScreenDatabase.Sqlite(copy));
        await restored.InitializeAsync();
        var ids = (await restored.ReadAreaAsync("g1")).Select(e => e.Id).ToList();
        // The original goes on growing past the copy: the backup did not stop the writer.
        await Eventually.HoldsAsync(async () => await store.CountAsync() > ids.Count, "appends after the backup", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10));
        await stop.CancelAsync();
        await appending;

        Assert.True(ids.Count >= 200 && ids.Count % 2 == 0, $"the copy holds {ids.Count} events");
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(n => $"b{n}"), ids);
        await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteBackup.BackupAsync(CityScreenDatabase.Sqlite(_db.Path), copy));
    }
}
