namespace CityScreen.Storage.Checkpoints;

/// <summary>
/// What a leaf's ledger was built from when it was checkpointed (docs/architecture.md, "Bounded
/// recovery"). The ledger is a function of its events, so the checkpoint names events, not a
/// second encoding of the ledger: the stored events it still needs (<see cref="Retained"/>), and
/// which events it had applied. A restart applies the retained events, then every stored event of
/// the leaf above <see cref="TailFrom"/> except those in <see cref="Applied"/>.
/// </summary>
/// <param name="CoversSeq">The highest sequence the ledger had applied.</param>
/// <param name="TailFrom">
/// Every event of the leaf at or below it had been applied. Lower than <see cref="CoversSeq"/>:
/// an event can reach its grid after one with a higher sequence (hosts commit out of sequence
/// order on PostgreSQL, and hand events over in parallel), so only a sequence the grid reached a
/// while ago is a floor.
/// </param>
/// <param name="Applied">The sequences above <see cref="TailFrom"/> that the ledger had applied, ascending.</param>
/// <param name="Retained">The sequences of the applied events the ledger still needs, ascending.</param>
public sealed record GridCheckpoint(
    string AreaId, long CoversSeq, long TailFrom, IReadOnlyList<long> Applied, IReadOnlyList<long> Retained, DateTimeOffset TakenAt);
