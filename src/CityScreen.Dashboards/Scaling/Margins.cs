namespace CityScreen.Dashboards.Scaling;

/// <summary>Four edges' worth of pixels: the bars around a fitted canvas, or the canvas cropped by fill.</summary>
public readonly record struct Margins(double Left, double Top, double Right, double Bottom)
{
    public static readonly Margins None = new(0, 0, 0, 0);

    public bool IsNone => Left == 0 && Top == 0 && Right == 0 && Bottom == 0;
}
