using System.Text.Json.Serialization;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;

namespace CityScreen.Server.Cases;

/// <summary>
/// One case as the drill-down lists it: its lifecycle so far and where it stands now. It is what the
/// cases API returns, and what the sub-indicators' case lists judge with <see cref="CaseRules"/>.
/// </summary>
public sealed record CaseRow(
    string CaseId,
    string Title,
    string Category,
    CaseKind Kind,
    CaseLevel Level,
    DateTimeOffset? ReportedAt,
    DateTimeOffset? FiledAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt,
    CaseStatus Status,
    bool Overdue,
    int Reopenings,
    int? Score,
    // What the index's sub-indicators count besides the closing: the standing resolution, the
    // first dispatch (a whistle when 吹哨) and the first response after it.
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? DispatchedAt = null,
    DateTimeOffset? RespondedAt = null,
    bool Whistled = false,
    // Read by the rules only; the API's rows keep the fields they always had.
    [property: JsonIgnore] DateTimeOffset? RejectedAt = null,
    [property: JsonIgnore] DateTimeOffset? RatedAt = null,
    // The workflow the rules read (whistles per department, suspensions, extension); a row built
    // without its whistles but Whistled has the one-department whistle of its first dispatch.
    [property: JsonIgnore] IReadOnlyList<CaseWhistle>? WhistleList = null,
    [property: JsonIgnore] IReadOnlyList<Suspension>? SuspensionList = null,
    [property: JsonIgnore] bool Extended = false) : ICaseFacts
{
    IReadOnlyList<CaseWhistle> ICaseFacts.Whistles => WhistleList
        ?? (Whistled && DispatchedAt is { } d ? [new CaseWhistle(d, CaseRules.WhistleAnswerLimit, [new Summons("", RespondedAt)], NamesDepartments: false)] : []);

    IReadOnlyList<Suspension> ICaseFacts.Suspensions => SuspensionList ?? [];
}
