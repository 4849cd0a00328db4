using CityScreen.Contracts.Indicators;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Indicators;

/// <summary>The live indicators of docs/domain.md §3, each defined over the additive counters.</summary>
public static class IndicatorCatalog
{
    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("EV01", "今日上报", IndicatorKind.Count, ReportedToday, null, false, "件") { IsVolume = true },
        new("EV02", "在办案件", IndicatorKind.Count, Open, null, true, "件"),
        new("EV03", "超期案件", IndicatorKind.Count, Red, null, true, "件"),
        new("EV04", "临期案件", IndicatorKind.Count, Yellow, null, true, "件"),
        new("EV05", "立案率", IndicatorKind.Rate, Filed30, Reported30, false, "%"),
        new("EV06", "按期处置率", IndicatorKind.Rate, ResolvedOnTime30, DueResolve30, false, "%"),
        new("EV07", "结案率", IndicatorKind.Rate, Closed30, DueClose30, false, "%"),
        new("EV08", "按期结案率", IndicatorKind.Rate, ClosedOnTime30, DueClose30, false, "%"),
        new("EV09", "返工率", IndicatorKind.Rate, Reopened30, DueClose30, true, "%"),
        new("EV10", "平均响应时长", IndicatorKind.Mean, ResponseSeconds30, Responses30, true, "分钟", 1.0 / 60),
        new("EV11", "平均结案时长", IndicatorKind.Mean, CloseSeconds30, Closures30, true, "小时", 1.0 / 3600),
        new("EV12", "延期率", IndicatorKind.Rate, Extended30, DueClose30, true, "%"),
        new("EV13", "挂账数", IndicatorKind.Count, Suspended, null, true, "件"),
        new("EV14", "准确派遣率", IndicatorKind.Rate, DispatchesKept30, Dispatches30, false, "%"),
        new("WB01", "吹哨报到及时率", IndicatorKind.Rate, WhistlesOnTime30, Whistles30, false, "%"),
        new("HL01", "12345工单量", IndicatorKind.Count, HotlineToday, null, false, "件") { IsVolume = true },
        new("HL02", "12345按时办结率", IndicatorKind.Rate, HotlineOnTime30, HotlineDue30, false, "%"),
        new("HL03", "12345响应率", IndicatorKind.Rate, HotlineAnswered30, HotlineReceived30, false, "%"),
        new("HL04", "12345解决率", IndicatorKind.Rate, HotlineSolved30, HotlineCallbacks30, false, "%"),
        new("HL05", "12345满意率", IndicatorKind.Rate, HotlineSatisfied30, HotlineRatings30, false, "%"),
        new("SA01", "群众满意率", IndicatorKind.Rate, Satisfied30, Ratings30, false, "%"),
        new("DS01", "点单接单率", IndicatorKind.Rate, OrdersResponded30, OrdersPlaced30, false, "%"),
        new("PM01", "在职党员报到率", IndicatorKind.Rate, MembersServing30, MembersExpected, false, "%"),
        new("PM02", "今日党员服务", IndicatorKind.Count, CheckinsToday, null, false, "人次"),
        new("PM03", "网格党组织覆盖率", IndicatorKind.Rate, GridsWithBranch, Grids, false, "%"),
        new("VH01", "志愿服务时长", IndicatorKind.Count, VolunteerCentiHours30, null, false, "小时", 0.01),
        new("PJ01", "项目认领完成率", IndicatorKind.Rate, ProjectsCompletedYear, ProjectsClaimedYear, false, "%"),
        new("LP01", "爱心积分", IndicatorKind.Count, Points30, null, false, "分"),

        // 共驻共建 (docs/domain.md §9).
        new("PM04", "在职党员报到人数", IndicatorKind.Count, MembersRegistered, null, false, "人"),
        new("UN01", "驻区单位报到数", IndicatorKind.Count, UnitsRegistered, null, false, "家"),
        new("UN02", "共建协议签订率", IndicatorKind.Rate, UnitsWithAgreement, UnitsRegistered, false, "%"),
        new("UN03", "联席会议参会率", IndicatorKind.Rate, JointAttendancesYear, JointInvitationsYear, false, "%"),
        new("NR01", "需求对接率", IndicatorKind.Rate, NeedsCovered, NeedsListed, false, "%"),
        new("PJ02", "项目认领率", IndicatorKind.Rate, ProjectsClaimedYear, ProjectsPublishedYear, false, "%"),
        new("PJ03", "项目满意率", IndicatorKind.Rate, ProjectRatingsSatisfiedYear, ProjectRatingsYear, false, "%"),
        new("CS01", "议事协商办结率", IndicatorKind.Rate, ConsultationsConcluded30, Consultations30, false, "%"),
        new("ST01", "阵地服务人次", IndicatorKind.Count, SitePeople30, null, false, "人次"),
        new("LP02", "爱心积分兑换", IndicatorKind.Count, PointsRedeemed30, null, false, "分"),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ById = All.ToDictionary(d => d.Id);

    public static IndicatorDefinition Get(string id) =>
        ById.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"indicator '{id}' is not in the catalogue");

    public static bool TryGet(string id, out IndicatorDefinition definition) => ById.TryGetValue(id, out definition!);
}
