namespace CityScreen.Dashboards.Scaling;

/// <summary>The real display (or browser viewport) in device pixels.</summary>
public readonly record struct ScreenSize(int Width, int Height)
{
    public override string ToString() => $"{Width}×{Height}";
}
