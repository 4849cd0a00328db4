namespace CityScreen.Simulator.Cases;

/// <summary>
/// Who a case is dispatched to. City departments (区级部门) are the ones a street summons by blowing the
/// whistle (街道吹哨、部门报到); the street's own team, the community and property companies are not.
/// </summary>
internal static class Departments
{
    /// <summary>Orders (群众点单) go to the grid's Party branch, and a member picks them up (党员接单).</summary>
    public const string GridPartyBranch = "网格党支部";

    private static readonly HashSet<string> City =
    [
        "城管执法局", "住建局", "交警大队", "市场监管局", "生态环境局", "供水公司", "供热公司",
        "应急管理局", "自然资源局", "消防救援大队", "公安派出所",
    ];

    // In the order of CaseVocabulary.Categories.
    private static readonly (string Name, double Weight)[][] ByCategory =
    [
        [("街道综合执法队", 6), ("城管执法局", 4)],
        [("城管执法局", 6), ("街道综合执法队", 4)],
        [("住建局", 7), ("城管执法局", 3)],
        [("应急管理局", 5), ("住建局", 2), ("供水公司", 3)],
        [("街道综合执法队", 6), ("城管执法局", 3), ("市场监管局", 1)],
        [("住建局", 4.5), ("供水公司", 3), ("供热公司", 2.5)],
        [("交警大队", 5), ("住建局", 5)],
        [("城管执法局", 6), ("街道综合执法队", 4)],
        [("自然资源局", 5), ("住建局", 3), ("街道综合执法队", 2)],
        [("社区居委会", 6), ("司法所", 4)],
        [("应急管理局", 5), ("住建局", 3), ("市场监管局", 2)],
        [("消防救援大队", 7), ("社区居委会", 3)],
        [("生态环境局", 5), ("公安派出所", 3), ("城管执法局", 2)],
        [("交警大队", 8), ("街道综合执法队", 2)],
        [("物业服务企业", 6), ("住建局", 3), ("社区居委会", 1)],
        [("社区居委会", 7), ("市场监管局", 3)],
    ];

    public static string Draw(ref RandomStream r, int category)
    {
        var options = ByCategory[category];
        Span<double> weights = stackalloc double[options.Length];
        for (var i = 0; i < options.Length; i++) weights[i] = options[i].Weight;
        return options[r.Pick(weights)].Name;
    }

    public static bool IsCityDepartment(string department) => City.Contains(department);
}
