namespace CityScreen.Rendering.Maps;

/// <summary>The seam a real map library could replace: request in, self-contained SVG out.</summary>
public interface IMapRenderer
{
    string RenderSvg(MapRequest request);

    /// <summary>
    /// The request's markers alone, on a transparent SVG of the same size and viewport, to lay over
    /// the map drawn without them: their pulsing then repaints only this small layer. (Pulsing
    /// inside the map repainted every area and label sixty times a second, most of a wall
    /// browser's CPU.)
    /// </summary>
    string RenderMarkerLayer(MapRequest request);
}
