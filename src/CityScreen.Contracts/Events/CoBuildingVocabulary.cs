namespace CityScreen.Contracts.Events;

/// <summary>
/// Closed value sets of the 共驻共建 events (docs/domain.md §9): the one place their spellings are written.
/// </summary>
public static class CoBuildingVocabulary
{
    /// <summary>Kinds of resident unit (驻区单位).</summary>
    public static readonly IReadOnlyList<string> UnitKinds = ["机关", "事业单位", "国企", "非公企业", "学校", "医院", "社会组织"];

    /// <summary>Categories of a need and of a resource: a resource answers needs of its category.</summary>
    public static readonly IReadOnlyList<string> Categories = ["助老", "助残", "助学", "就业", "医疗", "环境", "文体", "法律", "安全", "其他"];

    /// <summary>Where a need was found: a visit (走访), a resident's order (点单), a consultation (议事).</summary>
    public static readonly IReadOnlyList<string> NeedOrigins = ["走访", "点单", "议事"];

    /// <summary>The meeting kinds the co-building indicators count; other kinds (主题党日 …) are kept as given.</summary>
    public const string JointMeeting = "joint";
    public const string BranchMeeting = "branch";
    public const string Consultation = "consultation";

    /// <summary>The most ids one list field (needIds, resourceIds, attendeeUnits) may hold.</summary>
    public const int MaxListedIds = 100;
}
