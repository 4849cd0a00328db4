namespace CityScreen.Simulator.Cases;

/// <summary>
/// Who a case is dispatched to, and whom a street summons when it blows the whistle (街道吹哨、部门报到).
/// Receivers that are departments are named by the departments file's id for the case's street (its own
/// 站所 where the category calls for one, else the district's department); the community (社区居委会),
/// property companies (物业服务企业) and the grid's Party branch are not departments and keep their names.
/// </summary>
internal static class Departments
{
    /// <summary>Orders (群众点单) go to the grid's Party branch, and a member picks them up (党员接单).</summary>
    public const string GridPartyBranch = "网格党支部";

    /// <summary>A receiver: a department kind and level, or (Kind null) a body that is not a department. The name stands in when the street has no department of the kind.</summary>
    private readonly record struct Receiver(string Name, string? Kind, bool StreetLevel, double Weight);

    private static Receiver Street(string name, string kind, double weight) => new(name, kind, true, weight);

    private static Receiver District(string name, string kind, double weight) => new(name, kind, false, weight);

    private static Receiver Body(string name, double weight) => new(name, null, false, weight);

    // Ordinary dispatch, in the order of CaseVocabulary.Categories.
    private static readonly Receiver[][] ByCategory =
    [
        [Street("街道综合执法队", "城管执法", 6), District("城管执法局", "城管执法", 4)],
        [District("城管执法局", "城管执法", 6), Street("街道综合执法队", "城管执法", 4)],
        [District("住建局", "住建", 7), District("城管执法局", "城管执法", 3)],
        [District("应急管理局", "应急管理", 5), District("住建局", "住建", 2), District("供水公司", "水务", 3)],
        [Street("街道综合执法队", "城管执法", 6), District("城管执法局", "城管执法", 3), District("市场监管局", "市场监管", 1)],
        [District("住建局", "住建", 4.5), District("供水公司", "水务", 3), District("供热公司", "供热", 2.5)],
        [District("交警大队", "公安", 5), District("住建局", "住建", 5)],
        [District("城管执法局", "城管执法", 6), Street("街道综合执法队", "城管执法", 4)],
        [District("自然资源局", "自然资源", 5), District("住建局", "住建", 3), Street("街道综合执法队", "城管执法", 2)],
        [Body("社区居委会", 6), Street("司法所", "司法", 4)],
        [District("应急管理局", "应急管理", 5), District("住建局", "住建", 3), District("市场监管局", "市场监管", 2)],
        [District("消防救援大队", "消防", 7), Body("社区居委会", 3)],
        [District("生态环境局", "生态环境", 5), Street("公安派出所", "公安", 3), District("城管执法局", "城管执法", 2)],
        [District("交警大队", "公安", 8), Street("街道综合执法队", "城管执法", 2)],
        [Body("物业服务企业", 6), District("住建局", "住建", 3), Body("社区居委会", 1)],
        [Body("社区居委会", 7), District("市场监管局", "市场监管", 3)],
    ];

    // Whom a whistle summons, by category: the first is the lead (牵头部门), the others join by weight.
    private static readonly Receiver[][] SummonedByCategory =
    [
        [Street("", "城管执法", 5), District("", "城管执法", 3), District("", "住建", 2), District("", "生态环境", 1)],
        [Street("", "城管执法", 5), District("", "城管执法", 3), Street("", "市场监管", 2)],
        [District("", "住建", 5), District("", "城管执法", 3), District("", "生态环境", 2), District("", "自然资源", 1)],
        [District("", "应急管理", 5), District("", "消防", 4), Street("", "公安", 3), District("", "卫健", 2), District("", "水务", 2), District("", "供电", 2), District("", "燃气", 2)],
        [Street("", "城管执法", 5), Street("", "市场监管", 3), Street("", "公安", 3), District("", "城管执法", 2)],
        [District("", "住建", 5), District("", "水务", 3), District("", "供热", 3), District("", "供电", 2), District("", "燃气", 2)],
        [District("", "公安", 5), District("", "交通运输", 4), District("", "住建", 3)],
        [District("", "城管执法", 5), District("", "住建", 3), District("", "自然资源", 2)],
        [District("", "自然资源", 5), District("", "住建", 4), Street("", "城管执法", 3)],
        [Street("", "司法", 5), Street("", "公安", 4), District("", "民政", 2)],
        [District("", "应急管理", 5), District("", "住建", 3), District("", "市场监管", 2), District("", "消防", 2), District("", "燃气", 2), District("", "供电", 2)],
        [District("", "消防", 5), District("", "应急管理", 4), Street("", "公安", 3)],
        [District("", "生态环境", 5), Street("", "公安", 4), Street("", "城管执法", 3), District("", "住建", 1)],
        [District("", "公安", 5), Street("", "公安", 3), Street("", "城管执法", 3), District("", "交通运输", 2)],
        [District("", "住建", 5), Street("", "市场监管", 3), Street("", "司法", 2), District("", "民政", 1)],
        [District("", "民政", 5), District("", "卫健", 3), District("", "人社", 2), Street("", "公安", 2)],
    ];

    static Departments()
    {
        if (ByCategory.Length != Contracts.Events.CaseVocabulary.Categories.Count || SummonedByCategory.Length != ByCategory.Length)
            throw new InvalidOperationException("receivers are needed for every category");
    }

    /// <summary>The receivers of every category resolved for one street, drawn from quickly at each step.</summary>
    public sealed class ForStreet
    {
        private readonly string[][] _dispatch;
        private readonly bool[][] _isDepartment;
        private readonly double[][] _dispatchWeights;
        private readonly string[][] _summoned;
        private readonly double[][] _summonedWeights;

        public ForStreet(string streetId, DepartmentDirectory directory)
        {
            _dispatch = [.. ByCategory.Select(c => c.Select(x => Resolve(x, streetId, directory) ?? x.Name).ToArray())];
            _isDepartment = [.. ByCategory.Select(c => c.Select(x => Resolve(x, streetId, directory) is not null).ToArray())];
            _dispatchWeights = [.. ByCategory.Select(c => c.Select(x => x.Weight).ToArray())];
            // A kind the street has no department of is left out; the same department named twice counts once.
            var summoned = SummonedByCategory
                .Select(c => c.Select(x => (Id: Resolve(x, streetId, directory), x.Weight)).Where(x => x.Id is not null)
                    .GroupBy(x => x.Id).Select(g => (Id: g.Key!, Weight: g.Max(x => x.Weight))).ToArray())
                .ToArray();
            _summoned = [.. summoned.Select(c => c.Select(x => x.Id).ToArray())];
            _summonedWeights = [.. summoned.Select(c => c.Select(x => x.Weight).ToArray())];
            CanWhistle = _summoned.Any(c => c.Length > 0);
        }

        /// <summary>Whether any department serves the street, so it can blow the whistle at all.</summary>
        public bool CanWhistle { get; }

        /// <summary>An ordinary dispatch's receiver: a department id, or the name of a body that is not one.</summary>
        public (string Receiver, bool IsDepartment) Dispatch(ref RandomStream r, int category)
        {
            var i = r.Pick(_dispatchWeights[category]);
            return (_dispatch[category][i], _isDepartment[category][i]);
        }

        /// <summary>Another department for the category than <paramref name="not"/> (after a wrong dispatch), or null.</summary>
        public string? OtherDepartment(ref RandomStream r, int category, string not)
        {
            var options = _summoned[category].Where(d => d != not).ToArray();
            return options.Length == 0 ? null : options[r.Next(options.Length)];
        }

        /// <summary>1–4 departments for a whistle, the lead first; <paramref name="stalled"/> (the department that did not come) is summoned too.</summary>
        public string[] Summon(ref RandomStream r, int category, string? stalled)
        {
            var ids = _summoned[category];
            var weights = (double[])_summonedWeights[category].Clone();
            if (ids.Length == 0) return [];
            ReadOnlySpan<double> sizes = [0.30, 0.35, 0.25, 0.10];
            var count = Math.Min(1 + r.Pick(sizes), ids.Length);
            var chosen = new List<string>(count);
            if (stalled is not null && Array.IndexOf(ids, stalled) is var s and >= 0)
            {
                chosen.Add(stalled);
                weights[s] = 0;
            }
            else
            {
                chosen.Add(ids[0]);
                weights[0] = 0;
            }
            while (chosen.Count < count)
            {
                var i = r.Pick(weights);
                chosen.Add(ids[i]);
                weights[i] = 0;
            }
            return [.. chosen];
        }

        private static string? Resolve(Receiver x, string streetId, DepartmentDirectory directory) =>
            x.Kind is null ? null : directory.Find(streetId, x.Kind, x.StreetLevel);
    }
}
