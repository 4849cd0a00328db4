using CityScreen.Domain.Time;
using CityScreen.Server.Cases;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// The cases behind a sub-indicator of the development index, in a grid's case list: which cases
/// the sub-indicator's denominator counts over the index's window (the 30 days ending on its date)
/// and which of them its numerator counts. It follows the rollup rules of docs/index-model.md as far
/// as a case row shows them: a case "falls due" on the day it was closed or its time limit passed,
/// whichever came first (for 按期处置 its resolution in place of its closing), and only a case with a
/// time limit falls due. Sub-indicators that count no cases (Party work, projects, needs) have no
/// case list.
/// </summary>
public sealed record SubIndicatorCases(string Id, string Denominator, string Numerator, Func<CaseRow, bool> Counts, Func<CaseRow, bool> Meets)
{
    public const int WindowDays = 30;
    private static readonly TimeSpan WhistleAnswerLimit = TimeSpan.FromMinutes(30);

    public static SubIndicatorCases? For(string subIndicatorId, DateOnly date, CityClock clock, IReadOnlyList<CaseRow> rows)
    {
        var from = clock.StartOfDay(date.AddDays(1 - WindowDays));
        var end = clock.StartOfDay(date.AddDays(1));
        bool In(DateTimeOffset? t) => t is { } v && v >= from && v < end;
        // Only a filed case has a time limit; a case whose filing is not in the store never falls due.
        bool FallsDue(CaseRow c) => c.DueAt is { } due && In(Earliest(c.ClosedAt, due < end ? due : null));
        bool ClosedOnTime(CaseRow c) => c.ClosedAt is { } closed && c.DueAt is { } due && closed <= due;
        bool FallsDueForResolution(CaseRow c) => c.DueAt is { } due && c.Status != "rejected" && In(Earliest(c.ResolvedAt, due < end ? due : null));
        bool ResolvedOnTime(CaseRow c) => c.ResolvedAt is { } resolved && c.DueAt is { } due && resolved <= due;
        // A whistle counts once answered or once its 30 minutes have run out.
        bool WhistleCounts(CaseRow c) => c.Whistled && c.DispatchedAt is { } d && In(d) && (c.RespondedAt is not null || end - d > WhistleAnswerLimit);
        bool WhistleAnswered(CaseRow c) => c.RespondedAt - c.DispatchedAt <= WhistleAnswerLimit;
        return subIndicatorId switch
        {
            "EV08" => new(subIndicatorId, "窗口内到期的案件", "按期结案", FallsDue, ClosedOnTime),
            "EV06" => new(subIndicatorId, "窗口内到期处置的案件", "按期处置", FallsDueForResolution, ResolvedOnTime),
            "EV09" => new(subIndicatorId, "窗口内到期的案件", "返工", FallsDue, c => c.Reopenings > 0),
            "HL02" => new(subIndicatorId, "窗口内到期的12345工单", "按时办结", c => c.Kind == "hotline" && FallsDue(c), ClosedOnTime),
            "DS01" => new(subIndicatorId, "窗口内的群众点单", "已接单", c => c.Kind == "order" && In(c.ReportedAt), c => c.RespondedAt is not null),
            "WB01" => new(subIndicatorId, "窗口内的吹哨案件", "30分钟内报到", WhistleCounts, WhistleAnswered),
            "DS02" => new(subIndicatorId, "窗口内到期的群众点单", "按期办结", c => c.Kind == "order" && FallsDue(c), ClosedOnTime),
            "SA01" => new(subIndicatorId, "窗口内结案且已评价的案件", "满意（4–5分）", c => c.Score is not null && In(c.ClosedAt), c => c.Score >= 4),
            "SA02" => new(subIndicatorId, "窗口内的12345诉求", "重复诉求（30天内同类）", c => c.Kind == "hotline" && In(c.ReportedAt), c => IsRepeat(c, rows)),
            "EV03K" => new(subIndicatorId, "日终超期在办的案件", "超期", c => c.FiledAt is { } f && f < end && c.DueAt is { } due && due < end && (c.ClosedAt is null || c.ClosedAt >= end) && c.Status != "rejected", _ => true),
            _ => null,
        };
    }

    /// <summary>A 12345 report is a repeat when the grid had a 12345 case of the same category in the 30 days before it.</summary>
    private static bool IsRepeat(CaseRow c, IReadOnlyList<CaseRow> rows) =>
        c.ReportedAt is { } at && rows.Any(o => o.Kind == "hotline" && o.Category == c.Category && o.CaseId != c.CaseId
            && o.ReportedAt is { } earlier && earlier < at && earlier >= at.AddDays(-WindowDays));

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
