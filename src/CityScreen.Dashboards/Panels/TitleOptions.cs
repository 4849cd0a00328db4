namespace CityScreen.Dashboards.Panels;

/// <summary>The header band: the layout's title and, below it, the breadcrumbs of the area shown.</summary>
public sealed record TitleOptions(bool Breadcrumbs = true) : PanelOptions
{
    public override int TextLines => Breadcrumbs ? 2 : 1;
}
