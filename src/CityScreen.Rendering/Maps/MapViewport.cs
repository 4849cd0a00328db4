using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// Fits a lon/lat bounding box into a pixel canvas through <see cref="WebMercator"/>, keeping the aspect
/// ratio and centring the slack. Public so markers, overlays and hit-testing use the same numbers as the map.
/// </summary>
public sealed class MapViewport
{
    private readonly double _originX;
    private readonly double _originY;

    private MapViewport(int width, int height, double scale, double originX, double originY)
    {
        Width = width;
        Height = height;
        Scale = scale;
        _originX = originX;
        _originY = originY;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Pixels per projected metre.</summary>
    public double Scale { get; }

    /// <param name="bounds">lon/lat envelope to show.</param>
    /// <param name="padding">margin on every side, as a fraction of the smaller canvas side.</param>
    public static MapViewport Fit(Envelope bounds, int width, int height, double padding = 0.05) =>
        Fit(bounds, width, height, new Envelope(0, width, 0, height), padding);

    /// <summary>Fits <paramref name="bounds"/> into <paramref name="frame"/> (pixels, y down) of a larger canvas, e.g. beside a legend.</summary>
    public static MapViewport Fit(Envelope bounds, int width, int height, Envelope frame, double padding = 0.05)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        var (minX, minY) = WebMercator.Project(bounds.MinX, bounds.MinY);
        var (maxX, maxY) = WebMercator.Project(bounds.MaxX, bounds.MaxY);
        // A single point or a line has no extent; give it ~100 m so the scale stays finite.
        var spanX = Math.Max(maxX - minX, 100);
        var spanY = Math.Max(maxY - minY, 100);

        var margin = Math.Min(width, height) * Math.Clamp(padding, 0, 0.45);
        var scale = Math.Max(Math.Min((frame.Width - 2 * margin) / spanX, (frame.Height - 2 * margin) / spanY), 1e-12);
        var centreX = (minX + maxX) / 2;
        var centreY = (minY + maxY) / 2;
        var frameCentre = frame.Centre;
        return new MapViewport(width, height, scale, centreX - frameCentre.X / scale, centreY + frameCentre.Y / scale);
    }

    /// <summary>Pixel position of a lon/lat point; x grows right (east), y grows down (south).</summary>
    public (double X, double Y) ToPixel(double lon, double lat)
    {
        var (x, y) = WebMercator.Project(lon, lat);
        return ((x - _originX) * Scale, (_originY - y) * Scale);
    }

    public bool Contains(double x, double y) => x >= 0 && y >= 0 && x <= Width && y <= Height;
}
