using System.Text;
using CityScreen.Contracts.Events;
using CityScreen.Storage.Sql;
using Npgsql;

namespace CityScreen.Storage.Events;

/// <summary>
/// Cluster mode's writer: the whole group in one statement over arrays, on a pool of its own, with
/// <c>synchronous_commit=on</c>. Several hosts append to the same table.
/// </summary>
internal sealed class PostgresEventWriter(PostgresDialect db) : EventWriter
{
    /// <summary>Two hosts appending the same ids in different orders can deadlock; the loser simply runs again.</summary>
    private const int AttemptsOnConflict = 5;

    public override Task StartAsync() => Task.CompletedTask;

    public override async Task<IReadOnlyList<AppendResult>> CommitAsync(IReadOnlyList<PendingAppend> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(group);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < AttemptsOnConflict)
            {
                // Rolled back as a whole: running it again is safe, and what the other host stored
                // in the meantime now counts as duplicates.
            }
        }
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<IReadOnlyList<AppendResult>> InsertAsync(IReadOnlyList<PendingAppend> group)
    {
        var all = group.SelectMany(p => p.Events).ToList();
        await using var c = await db.OpenNpgsqlAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync();
        // Rows go in in request order, so sequences follow it; RETURNING names the rows that were new.
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO events (id, type, area_id, case_id, kind, project_id, occurred_at, body)
            SELECT e.id, e.type, e.area_id, e.case_id, e.kind, e.project_id, e.occurred_at, e.body
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[])
                 WITH ORDINALITY AS e(id, type, area_id, case_id, kind, project_id, occurred_at, body, n)
            ORDER BY e.n
            ON CONFLICT (id) DO NOTHING
            RETURNING id, seq
            """, c, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.Id).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.Type).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.GridId ?? e.CommunityId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.StepOfCase).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.Kind).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.ProjectId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.OccurredAt.UtcDateTime).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = group.SelectMany(p => p.Bodies).Select(b => Encoding.UTF8.GetString(b)).ToArray() });
        var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                seqs[reader.GetString(0)] = reader.GetInt64(1);
        await tx.CommitAsync();

        // An id stored by this transaction belongs to its first occurrence in the group; every
        // later occurrence, and every id not returned, was a duplicate.
        var results = new List<AppendResult>(group.Count);
        foreach (var pending in group)
        {
            var stored = new List<CityEvent>(pending.Events.Count);
            var duplicates = 0;
            foreach (var e in pending.Events)
            {
                if (seqs.Remove(e.Id, out var seq)) stored.Add(e with { Seq = seq });
                else duplicates++;
            }
            results.Add(new AppendResult(stored, duplicates));
        }
        return results;
    }
}
