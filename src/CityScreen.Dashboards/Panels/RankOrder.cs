namespace CityScreen.Dashboards.Panels;

/// <summary>Which end of a ranking is on top.</summary>
public enum RankOrder
{
    Descending,
    Ascending,
}
