namespace CityScreen.Dashboards.Panels;

/// <summary>What the 部门报到 board ranks the departments by: DP02 按时报到率 or DP04 办结率.</summary>
public enum DepartmentRankBy
{
    OnTime,
    Resolved,
}
