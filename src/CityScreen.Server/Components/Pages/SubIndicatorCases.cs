using CityScreen.Domain.Cases;
using CityScreen.Domain.Time;
using CityScreen.Server.Cases;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// The cases behind a sub-indicator of the development index, in a grid's case list: which cases
/// the sub-indicator's denominator counts over the index's window (the 30 days ending on its date)
/// and which of them its numerator counts. Each case is judged by <see cref="CaseRules"/>, as the
/// rollups judge it (docs/index-model.md), as known now: a case "falls due" on the day it was closed
/// or its time limit passed, whichever came first (for 按期处置 its resolution in place of its
/// closing). Sub-indicators that count no cases (Party work, projects, needs) have no case list.
/// </summary>
public sealed record SubIndicatorCases(string Id, string Denominator, string Numerator, Func<CaseRow, bool> Counts, Func<CaseRow, bool> Meets)
{
    public const int WindowDays = 30;

    public static SubIndicatorCases? For(string subIndicatorId, DateOnly date, CityClock clock, IReadOnlyList<CaseRow> rows)
    {
        var from = clock.StartOfDay(date.AddDays(1 - WindowDays));
        var end = clock.StartOfDay(date.AddDays(1));
        var now = clock.Now;
        bool In(DateTimeOffset? t) => t is { } v && v >= from && v < end;
        bool FallsDue(CaseRow c) => In(CaseRules.FallsDueForClosing(c, now));
        bool ClosedOnTime(CaseRow c) => CaseRules.ClosedOnTime(c, now);
        return subIndicatorId switch
        {
            "EV08" => new(subIndicatorId, "窗口内到期的案件", "按期结案", FallsDue, ClosedOnTime),
            "EV06" => new(subIndicatorId, "窗口内到期处置的案件", "按期处置", c => In(CaseRules.FallsDueForResolution(c, now)), c => CaseRules.ResolvedOnTime(c, now)),
            "EV09" => new(subIndicatorId, "窗口内到期的案件", "返工", FallsDue, CaseRules.WasReopened),
            "HL02" => new(subIndicatorId, "窗口内到期的12345工单", "按时办结", c => CaseRules.IsHotline(c) && FallsDue(c), ClosedOnTime),
            "DS01" => new(subIndicatorId, "窗口内的群众点单", "已接单", c => CaseRules.IsOrder(c) && In(c.ReportedAt), c => CaseRules.OrderTaken(c, now)),
            "WB01" => new(subIndicatorId, "窗口内吹哨的案件", "每次吹哨各部门均按时报到",
                c => CaseRules.DecidedWhistles(c, now).Any(w => In(w.At)), c => CaseRules.DecidedWhistles(c, now).Where(w => In(w.At)).All(w => w.OnTime)),
            "DS02" => new(subIndicatorId, "窗口内到期的群众点单", "按期办结", c => CaseRules.IsOrder(c) && FallsDue(c), ClosedOnTime),
            "SA01" => new(subIndicatorId, "窗口内的评价", "满意（4–5分）", c => In(CaseRules.Rating(c)?.At), c => CaseRules.Rating(c)?.Satisfied == true),
            "SA02" => new(subIndicatorId, "窗口内的12345诉求", "重复诉求（30天内同类）", c => CaseRules.IsHotline(c) && In(c.ReportedAt), c => rows.Any(o => CaseRules.Repeats(c, o))),
            "EV03K" => new(subIndicatorId, "日终超期在办的案件", "超期", c => CaseRules.WasOverdueAt(c, end), _ => true),
            _ => null,
        };
    }
}
