using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Cases;

/// <summary>Titles as a grid worker or a 12345 operator writes them: a place and what is wrong there.</summary>
internal static class CaseTitles
{
    // {0} a road of the grid, {1} a housing estate (小区) of the grid. In the order of CaseVocabulary.Categories.
    private static readonly string[][] Templates =
    [
        ["{0}路口垃圾堆积", "{1}垃圾桶满溢", "{0}沿街乱扔垃圾", "{0}人行道渣土未清运"],
        ["{0}沿街违规张贴小广告", "{1}楼道小广告需清理", "{0}商铺广告牌破损"],
        ["{0}施工围挡破损", "{0}施工渣土车未覆盖", "{1}装修垃圾乱堆"],
        ["{0}路面塌陷", "{1}供水管道爆裂", "{0}树木倒伏阻断交通"],
        ["{0}占道经营", "{0}流动摊贩聚集", "{0}商户店外经营"],
        ["{0}井盖缺失", "{0}路灯不亮", "{1}供暖管道漏水", "{0}公共座椅损坏"],
        ["{0}交通标志牌损坏", "{0}路面坑洼", "{0}隔离护栏倒伏"],
        ["{0}绿化带苗木枯死", "{1}树枝遮挡居民窗户", "{0}绿地被踩踏毁损"],
        ["{1}违章搭建", "{1}楼顶私自加盖", "{1}占用公共绿地搭棚"],
        ["{1}邻里漏水纠纷", "{1}停车位纠纷", "{1}物业费纠纷"],
        ["{1}电动车楼道充电", "{0}广告牌松动", "{1}外墙瓷砖脱落"],
        ["{1}消防通道堵塞", "{1}楼道堆放杂物", "{0}商铺私拉电线"],
        ["{0}夜间施工噪音扰民", "{0}广场舞噪音扰民", "{1}商户音响噪音扰民", "{0}烧烤店深夜喧哗"],
        ["{0}机动车乱停乱放", "{1}车辆占用消防通道", "{0}共享单车乱停放"],
        ["{1}电梯故障停运", "{1}楼道灯不亮", "{1}单元门禁损坏", "{1}物业服务不到位"],
        ["{1}独居老人求助", "{0}流浪犬伤人隐患", "{1}居民求助事项"],
    ];

    public static int TemplateCount(int category) => Templates[category].Length;

    public static string Title(int category, int template, GridPlaces places, int place) =>
        string.Format(null, Templates[category][template], places.Roads[place], places.Estates[place]);

    static CaseTitles()
    {
        if (Templates.Length != CaseVocabulary.Categories.Count)
            throw new InvalidOperationException("titles are needed for every category");
    }
}
