namespace CityScreen.Rendering.Maps;

/// <summary>Colour-blind-safe sequential scales for the choropleth.</summary>
public enum ColorScale
{
    Cividis,
    Viridis,
}
