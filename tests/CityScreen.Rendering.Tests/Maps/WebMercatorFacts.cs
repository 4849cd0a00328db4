using CityScreen.Rendering.Maps;
using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Tests.Maps;

public class WebMercatorFacts
{
    [Fact]
    public void Project_origin_is_zero_and_the_antimeridian_is_half_the_equator()
    {
        var (x0, y0) = WebMercator.Project(0, 0);
        var (x180, _) = WebMercator.Project(180, 0);

        Assert.Equal(0, x0, 6);
        Assert.Equal(0, y0, 6);
        Assert.Equal(Math.PI * WebMercator.EarthRadius, x180, 3);
    }

    [Fact]
    public void Project_x_grows_east_y_grows_north()
    {
        var (x1, y1) = WebMercator.Project(121.4, 31.2);
        var (x2, y2) = WebMercator.Project(121.5, 31.3);

        Assert.True(x2 > x1);
        Assert.True(y2 > y1);
    }

    [Fact]
    public void Project_clamps_the_poles_instead_of_returning_infinity()
    {
        var (_, y) = WebMercator.Project(0, 90);

        Assert.True(double.IsFinite(y));
    }

    [Fact]
    public void ToPixel_x_increases_with_longitude_y_decreases_with_latitude()
    {
        var viewport = MapViewport.Fit(new Envelope(121.4, 121.6, 31.1, 31.3), 800, 600);

        var (xWest, _) = viewport.ToPixel(121.45, 31.2);
        var (xEast, _) = viewport.ToPixel(121.55, 31.2);
        var (_, ySouth) = viewport.ToPixel(121.5, 31.15);
        var (_, yNorth) = viewport.ToPixel(121.5, 31.25);

        Assert.True(xEast > xWest);
        Assert.True(yNorth < ySouth);
    }

    [Fact]
    public void Fit_keeps_the_bounds_inside_the_canvas_centred_with_padding()
    {
        var viewport = MapViewport.Fit(new Envelope(121.4, 121.6, 31.1, 31.3), 800, 600);

        var (left, top) = viewport.ToPixel(121.4, 31.3);
        var (right, bottom) = viewport.ToPixel(121.6, 31.1);

        Assert.InRange(left, 1, 799);
        Assert.InRange(right, 1, 799);
        Assert.InRange(top, 1, 599);
        Assert.InRange(bottom, 1, 599);
        Assert.Equal(400, (left + right) / 2, 1);
        Assert.Equal(300, (top + bottom) / 2, 1);
    }

    [Fact]
    public void Fit_preserves_aspect_ratio()
    {
        var viewport = MapViewport.Fit(new Envelope(121.4, 121.6, 31.1, 31.3), 1600, 400);

        var (x0, y0) = viewport.ToPixel(121.4, 31.1);
        var (x1, y1) = viewport.ToPixel(121.6, 31.3);
        var (mx0, my0) = WebMercator.Project(121.4, 31.1);
        var (mx1, my1) = WebMercator.Project(121.6, 31.3);

        Assert.Equal((mx1 - mx0) / (my1 - my0), (x1 - x0) / (y0 - y1), 6);
    }
}
