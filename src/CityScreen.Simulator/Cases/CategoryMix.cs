using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Cases;

/// <summary>Which categories (大类) each kind of case brings, and how serious each category tends to be.</summary>
internal static class CategoryMix
{
    // Rows in the order of CaseVocabulary.Categories; columns event, part, hotline, order.
    // Street patrols find litter, illegal small ads (非法小广告, 宣传广告) and street disorder (街面秩序:
    // stalls, 占道经营) above all — the top event categories of the published monthly reports of
    // seed-data/REFERENCE.md; parts are broken facilities; 12345 callers complain
    // about property management and noise; orders (群众点单) ask for repairs, mediation and help.
    private static readonly double[,] Weights =
    {
        { 22.0, 14, 10, 15 },  // 市容环境
        { 16.0, 10, 1, 0 },    // 宣传广告
        { 7.0, 0, 6, 0 },      // 施工管理
        { 1.2, 0, 1, 0 },      // 突发事件
        { 20.0, 0, 5, 0 },     // 街面秩序
        { 3.0, 36, 8, 15 },    // 公用设施
        { 3.0, 16, 4, 0 },     // 道路交通
        { 4.0, 14, 2, 8 },     // 园林绿化
        { 3.0, 0, 5, 0 },      // 房屋土地
        { 3.0, 0, 9, 20 },     // 矛盾纠纷
        { 5.0, 6, 3, 5 },      // 安全隐患
        { 1.5, 2, 1, 2 },      // 消防隐患
        { 6.0, 0, 16, 0 },     // 噪音扰民
        { 10.0, 0, 9, 0 },     // 车辆乱停
        { 4.0, 0, 17, 25 },    // 物业管理
        { 2.3, 2, 3, 10 },     // 其他
    };

    private const int Noise = 12;

    // Chance of major and critical, by category; the rest are normal. Emergencies and fire hazards are
    // often serious, most nuisances never are. Overall about 93 / 6 / 1 %.
    private static readonly (double Major, double Critical)[] Severity =
    [
        (0.045, 0.004), (0.03, 0.002), (0.08, 0.01), (0.40, 0.20), (0.04, 0.003), (0.06, 0.008),
        (0.06, 0.008), (0.03, 0.002), (0.06, 0.008), (0.07, 0.008), (0.15, 0.03), (0.25, 0.06),
        (0.04, 0.003), (0.03, 0.002), (0.05, 0.006), (0.04, 0.004),
    ];

    public static int DrawCategory(ref RandomStream r, int kind, int localHour)
    {
        Span<double> w = stackalloc double[CaseVocabulary.Categories.Count];
        for (var c = 0; c < w.Length; c++) w[c] = Weights[c, kind];
        // Noise complaints come in the evening and at night (广场舞, 夜间施工, 烧烤店).
        w[Noise] *= localHour switch { >= 19 => 3, < 6 => 2, _ => 1 };
        return r.Pick(w);
    }

    public static int DrawLevel(ref RandomStream r, int category)
    {
        var (major, critical) = Severity[category];
        var x = r.NextDouble();
        return x < critical ? CaseRules.Critical : x < critical + major ? CaseRules.Major : CaseRules.Normal;
    }

    static CategoryMix()
    {
        if (Weights.GetLength(0) != CaseVocabulary.Categories.Count || Severity.Length != CaseVocabulary.Categories.Count
            || CaseVocabulary.Categories[Noise] != "噪音扰民")
            throw new InvalidOperationException("the category mix must follow CaseVocabulary.Categories");
    }
}
