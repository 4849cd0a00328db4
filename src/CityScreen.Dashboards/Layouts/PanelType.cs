namespace CityScreen.Dashboards.Layouts;

/// <summary>What a panel draws; each has its options record in <c>CityScreen.Dashboards.Panels</c>.</summary>
public enum PanelType
{
    /// <summary>The page title and the breadcrumbs of the area: the header band.</summary>
    Title,
    Clock,
    Map,
    Kpi,
    Trend48h,
    Trend30d,
    Categories,
    Ranking,
    Ticker,
    RedYellow,
    Index,
    /// <summary>部门报到: the departments serving the area ranked by on-time arrival or resolution.</summary>
    Departments,
    /// <summary>The whistle board: open whistles and the departments not there yet.</summary>
    Whistles,
    /// <summary>共驻共建 three lists: 需求 → 资源 → 项目 → 认领 → 完成 with the match rate NR01.</summary>
    ColistFunnel,
    /// <summary>双报到: members (PM04) and units (UN01) registered, serving today and PM01, by community.</summary>
    DoubleReport,
    /// <summary>共建单位: resident units ranked by projects completed this year, then residents' mean rating.</summary>
    UnitRanking,
    /// <summary>爱心积分: top contributors by points awarded in 30 days, names masked (张*).</summary>
    LovePoints,
}
