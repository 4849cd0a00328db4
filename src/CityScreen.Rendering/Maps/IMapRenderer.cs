namespace CityScreen.Rendering.Maps;

/// <summary>The seam a real map library could replace: request in, self-contained SVG out.</summary>
public interface IMapRenderer
{
    string RenderSvg(MapRequest request);
}
