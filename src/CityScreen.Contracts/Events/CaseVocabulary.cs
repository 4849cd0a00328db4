using CityScreen.Contracts.Indicators;

namespace CityScreen.Contracts.Events;

/// <summary>
/// Closed value sets of case fields (GB/T 30428 lifecycle, categories from docs/domain.md §2) and their
/// spelling on the wire, in the store, in the API and in hub messages: the one place the names are
/// written. Inside, the code holds the enums; text is parsed where it comes in.
/// </summary>
public static class CaseVocabulary
{
    /// <summary>The spellings of <see cref="CaseKind"/>, in the order of its values.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["event", "part", "hotline", "order"];

    /// <summary>The spellings of <see cref="CaseLevel"/>, in the order of its values.</summary>
    public static readonly IReadOnlyList<string> Levels = ["normal", "major", "critical"];

    /// <summary>The spellings of <see cref="CaseStatus"/>, in the order of its values.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["open", "closed", "rejected", "reported"];

    /// <summary>The spellings of <see cref="AlertReason"/>, in the order of its values.</summary>
    public static readonly IReadOnlyList<string> AlertReasons = ["reported", "overdue", "whistled", "handled"];

    /// <summary>The 16 categories (大类); their order is the order of category buckets in a snapshot.</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "市容环境", "宣传广告", "施工管理", "突发事件", "街面秩序", "公用设施", "道路交通", "园林绿化",
        "房屋土地", "矛盾纠纷", "安全隐患", "消防隐患", "噪音扰民", "车辆乱停", "物业管理", "其他",
    ];

    /// <summary>The category a case counts under; an unknown or missing one counts as 其他.</summary>
    public const string OtherCategory = "其他";

    public static int CategoryIndex(string? category)
    {
        if (category is null) return Categories.Count - 1;
        for (var i = 0; i < Categories.Count; i++)
            if (Categories[i] == category) return i;
        return Categories.Count - 1;
    }

    public static string ToJsonName(this CaseKind kind) => NameOf(kind);

    public static string ToJsonName(this CaseLevel level) => NameOf(level);

    public static string ToJsonName(this CaseStatus status) => NameOf(status);

    public static string ToJsonName(this AlertReason reason) => NameOf(reason);

    /// <summary>The JSON spelling of a value of one of the vocabulary enums.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum => NamesOf<T>()[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Reads a JSON spelling (exact, case-sensitive, as the parser accepts it).</summary>
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        var names = NamesOf<T>();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] != name) continue;
            value = (T)Enum.ToObject(typeof(T), i);
            return true;
        }
        value = default;
        return false;
    }

    public static IReadOnlyList<string> NamesOf<T>() where T : struct, Enum =>
        typeof(T) == typeof(CaseKind) ? Kinds
        : typeof(T) == typeof(CaseLevel) ? Levels
        : typeof(T) == typeof(CaseStatus) ? Statuses
        : typeof(T) == typeof(AlertReason) ? AlertReasons
        : throw new ArgumentException($"{typeof(T).Name} is not a case vocabulary", nameof(T));
}
