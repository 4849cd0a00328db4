namespace CityScreen.Dashboards.Panels;

/// <summary>What a ranking board ranks by: a live indicator, or the stored nightly development index.</summary>
public enum RankBy
{
    Indicator,
    Index,
}
