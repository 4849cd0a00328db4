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
        var bodies = group.SelectMany(p => p.Bodies).ToList();
        await using var c = await db.OpenNpgsqlAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync();
        // Rows go in in request order, so sequences follow it; RETURNING names the rows that were new.
        var seqs = new Dictionary<(string Source, string Id), long>();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO events (source, id, type, area_id, case_id, kind, project_id, occurred_at, body)
            SELECT e.source, e.id, e.type, e.area_id, e.case_id, e.kind, e.project_id, e.occurred_at, e.body
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[])
                 WITH ORDINALITY AS e(source, id, type, area_id, case_id, kind, project_id, occurred_at, body, n)
            ORDER BY e.n
            ON CONFLICT (source, id) DO NOTHING
            RETURNING source, id, seq
            """, c, tx))
        {
            Add(insert, all.Select(e => e.Source));
            Add(insert, all.Select(e => e.Id));
            Add(insert, all.Select(e => e.Type));
            Add(insert, all.Select(e => e.AreaId));
            Add(insert, all.Select(e => e.StepOfCase));
            Add(insert, all.Select(e => e.Kind));
            Add(insert, all.Select(e => e.ProjectId));
            insert.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.OccurredAt.UtcDateTime).ToArray() });
            Add(insert, bodies.Select(b => Encoding.UTF8.GetString(b)));
            await using var reader = await insert.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                seqs[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        // An id stored by this transaction belongs to its first occurrence in the group; every
        // later occurrence, and every id not returned, is a resend, to compare with what is stored.
        var isNew = new bool[all.Count];
        var newSeq = new long[all.Count];
        for (var k = 0; k < all.Count; k++)
            isNew[k] = seqs.Remove((all[k].Source, all[k].Id), out newSeq[k]);
        var resent = Enumerable.Range(0, all.Count).Where(k => !isNew[k]).ToList();
        var storedBodies = await StoredBodiesAsync(c, tx, resent.Select(k => all[k]).ToList());
        var (bound, opened) = await BindCasesAsync(c, tx, Enumerable.Range(0, all.Count).Where(k => isNew[k] && all[k].StepOfCase is not null).Select(k => all[k]).ToList());

        var results = new List<AppendResult>(group.Count);
        var conflicts = new IReadOnlyList<AppendConflict>[group.Count];
        var anyConflict = false;
        var at = 0;
        for (var p = 0; p < group.Count; p++)
        {
            var pending = group[p];
            var stored = new List<CityEvent>(pending.Events.Count);
            var refused = new List<AppendConflict>();
            var openedHere = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = 0;
            for (var i = 0; i < pending.Events.Count; i++, at++)
            {
                var e = pending.Events[i];
                if (isNew[at])
                {
                    stored.Add(e with { Seq = newSeq[at] });
                    if (e.StepOfCase is not { } caseId) continue;
                    if (bound[caseId] != e.AreaId) refused.Add(AppendConflict.CaseElsewhere(i, e, bound[caseId]));
                    // The request whose step bound the case opened it (the first in the group to name it).
                    else if (opened.Remove(caseId)) openedHere.Add(caseId);
                }
                else if (SameContent(pending.Bodies[i], storedBodies[(e.Source, e.Id)])) duplicates++;
                else refused.Add(AppendConflict.IdReused(i, e));
            }
            conflicts[p] = refused;
            anyConflict |= refused.Count > 0;
            results.Add(new AppendResult(stored, duplicates) { OpenedCases = openedHere });
        }
        if (anyConflict) return Refuse(group, conflicts);
        await tx.CommitAsync();
        return results;
    }

    /// <summary>The stored text of the events these resends repeat.</summary>
    private static async Task<Dictionary<(string Source, string Id), string>> StoredBodiesAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<CityEvent> resent)
    {
        var bodies = new Dictionary<(string Source, string Id), string>();
        if (resent.Count == 0) return bodies;
        await using var query = new NpgsqlCommand("""
            SELECT e.source, e.id, e.body FROM events e
            JOIN unnest($1::text[], $2::text[]) AS r(source, id) ON e.source = r.source AND e.id = r.id
            """, c, tx);
        Add(query, resent.Select(e => e.Source));
        Add(query, resent.Select(e => e.Id));
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bodies[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return bodies;
    }

    /// <summary>
    /// Binds each case of these new steps to its area unless it is bound already, and returns the
    /// area each is bound to now. Under READ COMMITTED the insert waits for another host binding the
    /// same case at the same moment and then yields to it; the read that follows sees its binding.
    /// The cases this insert bound are returned too (opened: no step of them was committed before).
    /// </summary>
    private async Task<(Dictionary<string, string> Bound, HashSet<string> Opened)> BindCasesAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<CityEvent> steps)
    {
        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        var opened = new HashSet<string>(StringComparer.Ordinal);
        if (steps.Count == 0) return (bound, opened);
        await using (var bind = new NpgsqlCommand("""
            INSERT INTO case_areas (case_id, area_id)
            SELECT s.case_id, s.area_id FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(case_id, area_id, n)
            ORDER BY s.n
            ON CONFLICT (case_id) DO NOTHING
            RETURNING case_id
            """, c, tx))
        {
            Add(bind, steps.Select(e => e.StepOfCase));
            Add(bind, steps.Select(e => e.AreaId));
            await using var inserted = await bind.ExecuteReaderAsync();
            while (await inserted.ReadAsync()) opened.Add(inserted.GetString(0));
        }
        await using var read = new NpgsqlCommand(db.ByKeys("case_areas", "case_id", "area_id", "$1"), c, tx);
        Add(read, steps.Select(e => e.StepOfCase).Distinct());
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bound[reader.GetString(0)] = reader.GetString(1);
        return (bound, opened);
    }

    private static void Add(NpgsqlCommand command, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray() });
}
