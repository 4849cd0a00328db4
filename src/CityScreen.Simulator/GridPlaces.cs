namespace CityScreen.Simulator;

/// <summary>
/// The streets and housing estates (小区) a grid's case titles name. Chosen from the grid id alone, so a
/// grid keeps its places whatever the seed, and its cases read as if they came from one neighbourhood.
/// </summary>
internal sealed record GridPlaces(string[] Roads, string[] Estates)
{
    private static readonly string[] AllRoads =
    [
        "延河路", "中心街", "二道街", "南大街", "北关街", "东关街", "枣园路", "百米大道",
        "圣地路", "凤凰山路", "桥沟路", "七里铺路", "杨家岭路", "南关街", "河庄坪路", "新城大道",
    ];

    private static readonly string[] AllEstates =
    [
        "凤凰小区", "宝塔山小区", "杨家岭小区", "枣园新村", "东关小区", "南关家属院", "新城家园", "河畔花园",
        "阳光小区", "幸福里小区", "延河湾小区", "清凉山小区", "桥沟新村", "七里铺小区", "百米大道小区", "南市花园",
    ];

    public static GridPlaces For(string gridId)
    {
        var h = StableHash(gridId);
        var road = (int)(h % (uint)AllRoads.Length);
        var estate = (int)((h >> 8) % (uint)AllEstates.Length);
        return new(
            [AllRoads[road], AllRoads[(road + 1 + (int)((h >> 16) % 3)) % AllRoads.Length]],
            [AllEstates[estate], AllEstates[(estate + 1 + (int)((h >> 20) % 3)) % AllEstates.Length]]);
    }

    /// <summary>FNV-1a: unlike <see cref="string.GetHashCode()"/> it is the same in every process.</summary>
    public static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return h;
    }
}
