namespace CityScreen.Dashboards.Layouts;

/// <summary>The design canvas in canvas pixels: panels are placed on it, and it is scaled to the real screen.</summary>
public readonly record struct CanvasSize(int Width, int Height)
{
    public const int MinSide = 320;
    public const int MaxSide = 32768;

    public static readonly CanvasSize FullHd = new(1920, 1080);
    public static readonly CanvasSize UltraHd = new(3840, 2160);

    public override string ToString() => $"{Width}×{Height}";
}
