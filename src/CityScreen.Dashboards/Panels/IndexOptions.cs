namespace CityScreen.Dashboards.Panels;

/// <summary>The development index of the area: value, grade, stars and rank ("暂无指数" until it exists); no options.</summary>
public sealed record IndexOptions : PanelOptions
{
    /// <summary>A title strip, the value with its grade, the stars and the rank.</summary>
    public override int TextLines => 4;
}
