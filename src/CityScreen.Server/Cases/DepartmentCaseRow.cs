using CityScreen.Contracts.Events;

namespace CityScreen.Server.Cases;

/// <summary>
/// One whistle (吹哨) that summoned a department, on one case: when it was blown, the department's
/// limit and arrival (报到), whether it came on time (null: still within the limit, not yet decided,
/// as DP02 counts it), and where the case stands now.
/// </summary>
public sealed record DepartmentCaseRow(
    string CaseId,
    string Title,
    string Category,
    CaseLevel Level,
    string GridId,
    string GridName,
    DateTimeOffset WhistledAt,
    int LimitMinutes,
    DateTimeOffset? ArrivedAt,
    bool? OnTime,
    CaseStatus Status,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int? Score)
{
    /// <summary>Late: decided and not on time (arrived after the limit, or the limit ran out).</summary>
    public bool Late => OnTime == false;
}

/// <summary>The filters of a department's whistle cases: case status, late arrivals only, and a whistle-date range (local dates, inclusive).</summary>
public sealed record DepartmentCaseQuery(CaseStatus? Status, bool LateOnly, DateOnly? From, DateOnly? To)
{
    public static readonly DepartmentCaseQuery All = new(null, false, null, null);
}

/// <summary>One street's rating of a department (<c>department.rated</c>).</summary>
public sealed record DepartmentRatingRow(DateTimeOffset At, string By, string ByName, int Score, string? Period, string? CaseId);
