namespace CityScreen.Dashboards.Panels;

/// <summary>
/// The type-specific part of a panel. <see cref="TextLines"/> is how many lines of text the panel
/// stacks from top to bottom at its smallest size (its title strip included); the readability rule
/// divides the panel's height by it, and renderers use the same number to size their fonts.
/// </summary>
public abstract record PanelOptions
{
    public abstract int TextLines { get; }
}
