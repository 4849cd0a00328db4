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
}
