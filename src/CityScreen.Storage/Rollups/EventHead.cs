namespace CityScreen.Storage.Rollups;

/// <summary>
/// What the nightly job needs of a newly stored event to know which days it changes, read from the
/// events table's columns without decoding the body (only a completed project's id is read from it).
/// </summary>
public sealed record EventHead(long Seq, string Type, string LeafId, string? CaseId, DateTimeOffset OccurredAt, string? ProjectId);
