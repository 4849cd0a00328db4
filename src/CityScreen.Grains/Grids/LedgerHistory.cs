using System.Diagnostics;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Ledger;
using CityScreen.Storage.Checkpoints;
using CityScreen.Storage.Events;

namespace CityScreen.Grains.Grids;

/// <summary>
/// Which stored events one leaf's ledger has applied, how it is rebuilt from the store, and its
/// checkpoints (docs/architecture.md, "Bounded recovery"). A rebuild applies the events the last
/// checkpoint retained, then streams the leaf's events above the checkpoint's floor, skipping those
/// it had applied; without a checkpoint the floor is 0 and the whole history streams past, pruned
/// as it goes. Either way the ledger equals one that applied every stored event and was pruned.
/// </summary>
public sealed class LedgerHistory(string areaId, GridLedger ledger, IEventStore store, ICheckpointStore? checkpoints, TimeSpan lateArrival)
{
    /// <summary>A long replay prunes its ledger every so many events, so history never sits in memory whole.</summary>
    private const int PruneEvery = 20_000;

    /// <summary>
    /// After a replay without a checkpoint, the sequences kept for telling a resend from news: a
    /// grid's own events this many back are older than any append still in flight.
    /// </summary>
    private const int KeptAfterReplay = 1_000;

    /// <summary>Applied events above <see cref="_floor"/>: a sequence here is not applied again.</summary>
    private readonly HashSet<long> _applied = [];

    /// <summary>The applied events a checkpoint may still have to retain, as little of each as that takes.</summary>
    private List<Kept> _kept = [];

    /// <summary>(when, the highest sequence applied then): a mark older than the late-arrival margin is a floor.</summary>
    private readonly Queue<(long Timestamp, long Seq)> _marks = new();

    /// <summary>Every event of the leaf at or below it has been applied.</summary>
    private long _floor;

    /// <summary>The highest sequence applied.</summary>
    private long _covers;

    private long _savedCovers = -1, _savedFloor = -1;

    private readonly record struct Kept(long Seq, string Type, string? CaseId, DateTimeOffset At);

    /// <summary>How many events the last rebuild applied.</summary>
    public int Replayed { get; private set; }

    /// <summary>Whether the last rebuild started from a checkpoint.</summary>
    public bool FromCheckpoint { get; private set; }

    /// <summary>
    /// Rebuilds the ledger from the store: from the leaf's checkpoint when there is one and
    /// <paramref name="useCheckpoint"/>, else from the whole history.
    /// </summary>
    public async Task RecoverAsync(DateTimeOffset now, bool useCheckpoint = true, CancellationToken cancellationToken = default)
    {
        var checkpoint = useCheckpoint && checkpoints is not null ? await checkpoints.ReadAsync(areaId, cancellationToken) : null;
        FromCheckpoint = checkpoint is not null;
        // Cases a prune forgot during this replay: a later step of one brings its history back.
        var forgotten = new HashSet<string>(StringComparer.Ordinal);
        // The retained events above the floor come with the tail, so that everything is applied in
        // store order, as a full replay applies it (a unit's name is the last one registered).
        var retainedInTail = new HashSet<long>();
        if (checkpoint is not null)
        {
            _floor = _savedFloor = checkpoint.TailFrom;
            _covers = _savedCovers = checkpoint.CoversSeq;
            _applied.UnionWith(checkpoint.Applied);
            var belowFloor = checkpoint.Retained.Where(s => s <= _floor).ToList();
            retainedInTail.UnionWith(checkpoint.Retained.Where(s => s > _floor));
            await foreach (var e in store.ReadAreaSeqsAsync(areaId, belowFloor, cancellationToken))
                Apply(e);
        }
        await foreach (var e in store.ReadAreaAfterAsync(areaId, _floor, cancellationToken: cancellationToken))
        {
            if (retainedInTail.Contains(e.Seq))
            {
                Apply(e);
                continue;
            }
            if (_applied.Contains(e.Seq)) continue;
            await RestoreCaseAsync(e, checkpoint is not null, forgotten, cancellationToken);
            Apply(e);
            if (Replayed % PruneEvery == 0)
            {
                ledger.Prune(now, forgotten);
                Compact(now);
            }
        }
        if (checkpoint is null && _applied.Count > KeptAfterReplay)
        {
            var newest = _applied.Order().ToArray();
            _floor = newest[^(KeptAfterReplay + 1)];
            _applied.RemoveWhere(s => s <= _floor);
        }
        _marks.Enqueue((Stopwatch.GetTimestamp(), _covers));
    }

    /// <summary>Whether a stored event has been applied already (the ingest path hands over what a rebuild may have read).</summary>
    public bool IsApplied(long seq) => seq <= _floor || _applied.Contains(seq);

    /// <summary>
    /// Applies an event the ingest path handed over. A step of a case the ledger no longer holds
    /// (forgotten by a prune, months after it closed) first brings the case's earlier steps back
    /// from the store: the case is then what a full replay makes of it, and so is the checkpoint
    /// that retains it. A report opens its case, and so does any step whose append bound the case
    /// (<paramref name="openedCases"/>: nothing of it was stored before), so only the later steps
    /// of a case stored before look; reading for every step was a round trip per event.
    /// </summary>
    public async Task<CaseFile?> ApplyHandedAsync(CityEvent e, IReadOnlySet<string>? openedCases = null, CancellationToken cancellationToken = default)
    {
        if (e.Seq != 0 && e.Type != EventTypes.CaseReported && !(e.StepOfCase is { } caseId && openedCases?.Contains(caseId) == true))
            await RestoreCaseAsync(e, fromCheckpoint: true, forgotten: null, cancellationToken);
        var file = ledger.Apply(e);
        Note(e);
        return file;
    }

    /// <summary>Applies a stored event and notes it.</summary>
    public void Apply(CityEvent e)
    {
        ledger.Apply(e);
        Note(e);
    }

    /// <summary>Notes a stored event the ledger applied.</summary>
    public void Note(CityEvent e)
    {
        if (e.Seq == 0) return;
        Replayed++;
        if (e.Seq > _floor) _applied.Add(e.Seq);
        if (e.Seq > _covers) _covers = e.Seq;
        if (checkpoints is not null) _kept.Add(new Kept(e.Seq, e.Type, e.CaseId, e.OccurredAt));
    }

    /// <summary>
    /// Saves what the ledger needs now, with the sequences it covers. The floor moves up to the
    /// newest mark older than the late-arrival margin, and only once every stored event of the
    /// leaf up to it is applied: an event stored but never handed over (its host died in between)
    /// is read and applied here, so no checkpoint can pass over it.
    /// </summary>
    public async Task<bool> CheckpointAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (checkpoints is null || _covers == 0) return false;
        var floor = _floor;
        while (_marks.Count > 0 && Stopwatch.GetElapsedTime(_marks.Peek().Timestamp) >= lateArrival)
            floor = Math.Max(floor, _marks.Dequeue().Seq);
        if (floor > _floor)
        {
            await foreach (var e in store.ReadAreaAfterAsync(areaId, _floor, floor, cancellationToken))
                if (!_applied.Contains(e.Seq))
                {
                    await RestoreCaseAsync(e, fromCheckpoint: true, forgotten: null, cancellationToken);
                    Apply(e);
                }
        }
        if (_covers == _savedCovers && floor == _savedFloor) return false;

        Compact(now);
        var retained = _kept.Select(k => k.Seq).ToList();
        var applied = _applied.Where(s => s > floor).Order().ToList();
        await checkpoints.SaveAsync(new GridCheckpoint(areaId, _covers, floor, applied, retained, now), cancellationToken);

        _floor = _savedFloor = floor;
        _savedCovers = _covers;
        _applied.RemoveWhere(s => s <= floor);
        _marks.Enqueue((Stopwatch.GetTimestamp(), _covers));
        return true;
    }

    /// <summary>Drops what the ledger no longer needs from what a checkpoint would retain; leaves it in sequence order.</summary>
    private void Compact(DateTimeOffset now)
    {
        if (checkpoints is null) return;
        _kept = [.. _kept.Where(k => ledger.Retains(k.Type, k.CaseId, k.At, now)).DistinctBy(k => k.Seq).OrderBy(k => k.Seq)];
    }

    /// <summary>
    /// Before a case step whose case the ledger does not hold: when the case may have been
    /// forgotten (by a prune, or by a checkpoint that no longer needed it), its earlier steps are
    /// read back, so the case is whole again as a full replay would have it.
    /// </summary>
    private async Task RestoreCaseAsync(CityEvent e, bool fromCheckpoint, HashSet<string>? forgotten, CancellationToken cancellationToken)
    {
        if (!EventTypes.IsCaseStep(e.Type) || e.CaseId is not { } caseId || ledger.FindCase(caseId) is not null) return;
        if (!fromCheckpoint && forgotten?.Remove(caseId) != true) return;
        foreach (var earlier in await store.ReadCaseAsync(areaId, caseId, e.Seq, cancellationToken))
            Apply(earlier);
    }
}
