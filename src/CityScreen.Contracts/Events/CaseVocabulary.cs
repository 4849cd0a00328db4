namespace CityScreen.Contracts.Events;

/// <summary>Closed value sets of case fields (GB/T 30428 lifecycle, categories from docs/domain.md §2).</summary>
public static class CaseVocabulary
{
    public static readonly IReadOnlyList<string> Kinds = ["event", "part", "hotline", "order"];

    public static readonly IReadOnlyList<string> Levels = ["normal", "major", "critical"];

    /// <summary>The 16 categories (大类); their order is the order of category buckets in a snapshot.</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "市容环境", "宣传广告", "施工管理", "突发事件", "街面秩序", "公用设施", "道路交通", "园林绿化",
        "房屋土地", "矛盾纠纷", "安全隐患", "消防隐患", "噪音扰民", "车辆乱停", "物业管理", "其他",
    ];

    public static int CategoryIndex(string? category)
    {
        if (category is null) return Categories.Count - 1;
        for (var i = 0; i < Categories.Count; i++)
            if (Categories[i] == category) return i;
        return Categories.Count - 1;
    }
}
