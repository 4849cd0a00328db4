using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Rollups;
using CityScreen.Domain.Time;
using CityScreen.Storage.Rollups;
using Microsoft.Extensions.Logging;

namespace CityScreen.Jobs.Rollups;

/// <summary>
/// Brings the daily rollups up to a date: first it looks at every event stored since its cursor
/// and marks the days each one changes, then it computes the days never computed and the days
/// marked, leaf by leaf.
/// </summary>
/// <remarks>
/// Why a cursor and not a mark written by the ingest transaction: the event log already is a
/// durable journal of what arrived, in commit order (one SQLite writer), so reading it from the
/// last sequence looked at misses nothing after a crash, and the ingest path — the one with a
/// latency budget — does no extra work. The marks and the cursor move in one transaction. On
/// PostgreSQL, whose sequences can commit out of order across hosts, the history's last sequence
/// waits for appends in flight, so the cursor never passes an event that commits later.
/// </remarks>
public sealed class RollupRefresher(
    IEventHistory events,
    IRollupStore rollups,
    CityLeaves leaves,
    CityClock clock,
    RollupRules rules,
    int maxCatchUpDays,
    ILogger logger)
{
    /// <summary>Leaves whose rollups are written in one transaction.</summary>
    private const int LeavesPerCommit = 32;

    public async Task<RollupRefresh> RefreshAsync(DateOnly upTo, DateRange? forced, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var rolled = await rollups.RolledUpDaysAsync(cancellationToken);
        var simulated = rolled.Where(d => d.Simulated).Select(d => d.Date).ToHashSet();
        var firstRolled = rolled.Count > 0 ? rolled[0].Date : (DateOnly?)null;
        var lastRolled = rolled.Count > 0 ? rolled[^1].Date : (DateOnly?)null;
        var lastSeq = await events.LastSeqAsync(cancellationToken);

        DateOnly firstNew;
        if (lastRolled is { } last) firstNew = last.AddDays(1);
        else if (await events.FirstOccurredAtAsync(cancellationToken) is { } firstEvent)
            firstNew = Later(clock.LocalDate(firstEvent), upTo.AddDays(1 - maxCatchUpDays));
        else return RollupRefresh.Nothing;
        var newDays = Days(firstNew, upTo);

        // Marks can only fall on days already computed (later ones are computed fresh anyway),
        // never on simulated days (no events stand behind them).
        var marks = new HashSet<(string, DateOnly)>();
        if (firstRolled is { } f && lastRolled is { } l && new DateRange(f, Earlier(l, upTo)) is var range && range.From <= range.To)
        {
            foreach (var (leaf, from) in await LateLeafDaysAsync(await rollups.CursorAsync(cancellationToken), lastSeq, range.To, cancellationToken))
                foreach (var day in Days(Later(from, range.From), range.To))
                    if (!simulated.Contains(day)) marks.Add((leaf, day));
            if (forced is { } r)
                foreach (var leaf in leaves.All)
                    foreach (var day in Days(Later(r.From, range.From), Earlier(r.To, range.To)))
                        if (!simulated.Contains(day)) marks.Add((leaf.Id, day));
        }
        // Moving the cursor before reading any leaf: events stored from now on are looked at next time.
        await rollups.MarkDirtyAsync(marks, lastSeq, cancellationToken);
        if (marks.Count > 0) logger.LogInformation("Rollups: {Count} leaf days marked for recomputation", marks.Count);

        var dirty = (await rollups.DirtyDaysAsync(upTo, cancellationToken))
            .Where(d => !simulated.Contains(d.Date))
            .ToLookup(d => d.LeafId, d => d.Date, StringComparer.Ordinal);
        var windows = new Dictionary<DateOnly, EventWindow>();
        var pending = new List<DailyRollup>();
        var changed = new List<DailyRollup>();
        var computedLeaves = 0;
        foreach (var leaf in leaves.All)
        {
            var days = dirty[leaf.Id].Concat(newDays).Distinct().Order().ToArray();
            if (days.Length == 0) continue;
            pending.AddRange(await ComputeLeafAsync(leaf, days, windows, asOf, cancellationToken));
            if (++computedLeaves % LeavesPerCommit == 0)
            {
                changed.AddRange(await rollups.SaveAsync(pending, cancellationToken));
                pending.Clear();
            }
        }
        changed.AddRange(await rollups.SaveAsync(pending, cancellationToken));
        await rollups.MarkRolledUpAsync(newDays, simulated: false, asOf, cancellationToken);

        var earliestRecomputed = changed.Where(r => lastRolled is { } l && r.Date <= l).Select(r => (DateOnly?)r.Date).Min();
        logger.LogInformation("Rollups: {Leaves} leaves computed; new days {New}; earliest earlier day that changed {Changed}",
            computedLeaves, newDays.Count == 0 ? "none" : $"{newDays[0]:yyyy-MM-dd}..{newDays[^1]:yyyy-MM-dd}", earliestRecomputed?.ToString("yyyy-MM-dd") ?? "none");
        return new RollupRefresh(newDays, earliestRecomputed, computedLeaves);
    }

    /// <summary>
    /// For each leaf, the earliest day that an event stored after <paramref name="cursor"/> changes
    /// (<see cref="DirtyDays"/>): case steps reach back to their case's first step, a completed
    /// project to its claim.
    /// </summary>
    private async Task<Dictionary<string, DateOnly>> LateLeafDaysAsync(long cursor, long lastSeq, DateOnly upTo, CancellationToken cancellationToken)
    {
        var heads = new List<EventHead>();
        await foreach (var head in events.ReadHeadsAsync(cursor, lastSeq, cancellationToken)) heads.Add(head);
        var caseStarts = await events.CaseStartsAsync(heads.Where(h => h.CaseId is not null).Select(h => h.CaseId!).ToHashSet(StringComparer.Ordinal), cancellationToken);

        var from = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var h in heads)
        {
            DateTimeOffset? related = null;
            if (h.CaseId is { } caseId && caseStarts.TryGetValue(caseId, out var start)) related = start;
            else if (h.Type == EventTypes.ProjectCompleted && h.ProjectId is { } project)
                related = await events.ProjectClaimedAtAsync(h.LeafId, project, cancellationToken);
            if (DirtyDays.Of(h.OccurredAt, related, upTo, clock) is not { } range) continue;
            from[h.LeafId] = from.TryGetValue(h.LeafId, out var known) ? Earlier(known, range.From) : range.From;
        }
        return from;
    }

    /// <summary>
    /// One leaf's rollups for <paramref name="days"/>: its events from a week before the first day
    /// (and its 12345 reports from 30 days before, for repeats), the whole of every case among them
    /// whose report is older, and the cases the day before still had open from earlier.
    /// </summary>
    private async Task<IReadOnlyList<DailyRollup>> ComputeLeafAsync(
        CityLeaves.Leaf leaf, DateOnly[] days, Dictionary<DateOnly, EventWindow> windows, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var first = days[0];
        if (!windows.TryGetValue(first, out var window))
        {
            var from = clock.StartOfDay(first.AddDays(-RollupRules.CaseLookbackDays));
            windows[first] = window = await events.WindowAsync(from, clock.StartOfDay(first) - CaseRules.RepeatComplaintWindow, cancellationToken);
        }
        var read = await events.ReadLeafAsync(leaf.Id, window, cancellationToken);
        var reported = read.Where(e => e.Type == EventTypes.CaseReported && e.OccurredAt >= window.From).Select(e => e.CaseId!).ToHashSet(StringComparer.Ordinal);
        // 12345 reports from the look-back stand alone (only their category and time matter); a case
        // with steps in the window but its report before it is read whole.
        var partial = read.Where(e => e.CaseId is not null && e.OccurredAt >= window.From && !reported.Contains(e.CaseId))
            .Select(e => e.CaseId!).ToHashSet(StringComparer.Ordinal);
        var calculator = new LeafRollupCalculator(leaf.Id, leaf.Reference, rules, clock);
        if (await rollups.ReadAsync(leaf.Id, first.AddDays(-1), cancellationToken) is { } before)
        {
            partial.UnionWith(before.Set(RollupInputs.LongOpenCases));
            calculator.RegisteredBefore(before.Set(RollupInputs.MembersRegistered));
        }
        else
        {
            // A leaf's first rollup: its roster registered over the months before (PM01's denominator), read once.
            calculator.ApplyAll(await events.ReadRosterAsync(leaf.Id, cancellationToken));
        }
        calculator.ApplyAll(read);
        if (partial.Count > 0) calculator.ApplyAll(await events.ReadCasesAsync(partial, cancellationToken));
        return calculator.Compute(days, asOf);
    }

    private static List<DateOnly> Days(DateOnly from, DateOnly to)
    {
        var list = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) list.Add(d);
        return list;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
