using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Scaling;

/// <summary>
/// The maths of putting a design canvas on a real screen. Every mode scales uniformly, so text is
/// never squashed on odd spliced walls (e.g. a 1920×1080 canvas on a 6656×1792 wall); the canvas is
/// centred, and offsets are whole device pixels so that edges stay sharp.
/// </summary>
public static class CanvasScaler
{
    public static CanvasTransform Compute(CanvasSize canvas, ScreenSize screen, ScaleMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(canvas.Width, nameof(canvas));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(canvas.Height, nameof(canvas));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(screen.Width, nameof(screen));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(screen.Height, nameof(screen));

        var byWidth = (double)screen.Width / canvas.Width;
        var byHeight = (double)screen.Height / canvas.Height;
        var scale = mode switch
        {
            ScaleMode.Fit => Math.Min(byWidth, byHeight),
            ScaleMode.Fill => Math.Max(byWidth, byHeight),
            ScaleMode.Real => 1.0,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown scale mode"),
        };

        var drawnWidth = canvas.Width * scale;
        var drawnHeight = canvas.Height * scale;
        var offsetX = Centre(screen.Width, drawnWidth);
        var offsetY = Centre(screen.Height, drawnHeight);

        var bars = new Margins(
            Math.Max(0, offsetX),
            Math.Max(0, offsetY),
            Math.Max(0, screen.Width - offsetX - drawnWidth),
            Math.Max(0, screen.Height - offsetY - drawnHeight));
        var cropped = new Margins(
            Math.Max(0, -offsetX) / scale,
            Math.Max(0, -offsetY) / scale,
            Math.Max(0, offsetX + drawnWidth - screen.Width) / scale,
            Math.Max(0, offsetY + drawnHeight - screen.Height) / scale);
        return new CanvasTransform(mode, scale, scale, offsetX, offsetY, bars, cropped);
    }

    // Adding 0.0 turns the -0 of Math.Round(-0.2) into 0, which CSS and tests read more kindly.
    private static double Centre(int screen, double drawn) =>
        Math.Round((screen - drawn) / 2, MidpointRounding.AwayFromZero) + 0.0;
}
