namespace CityScreen.Domain.CoBuilding;

/// <summary>
/// How a person's name is shown anywhere outside the server (docs/domain.md, 爱心积分): the surname
/// kept, every other character a <c>*</c> (张三 → 张*, 张小明 → 张**, 欧阳娜娜 → 欧阳**). A compound
/// surname of the list below is kept whole. No name at all shows as 居民.
/// </summary>
public static class PersonName
{
    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "长孙", "宇文",
    ];

    public const string Unnamed = "居民";

    public static string Mask(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return Unnamed;
        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(trimmed).Length;
        var surname = CompoundSurnames.FirstOrDefault(s => trimmed.StartsWith(s, StringComparison.Ordinal) && elements > 2) is { } compound
            ? compound
            : System.Globalization.StringInfo.GetNextTextElement(trimmed);
        var kept = System.Globalization.StringInfo.ParseCombiningCharacters(surname).Length;
        // A one-character name is all surname: masked whole rather than shown.
        return elements <= kept ? "*" : surname + new string('*', elements - kept);
    }
}
