namespace CityScreen.Server.Cases;

/// <summary>One case as the drill-down lists it: its lifecycle so far and where it stands now.</summary>
public sealed record CaseRow(
    string CaseId,
    string Title,
    string Category,
    string Kind,
    string Level,
    DateTimeOffset? ReportedAt,
    DateTimeOffset? FiledAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt,
    string Status,
    bool Overdue,
    int Reopenings,
    int? Score,
    // What the index's sub-indicators count besides the closing: the standing resolution, the
    // first dispatch (a whistle when 吹哨) and the first response after it.
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? DispatchedAt = null,
    DateTimeOffset? RespondedAt = null,
    bool Whistled = false);
