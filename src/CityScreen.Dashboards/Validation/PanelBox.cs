namespace CityScreen.Dashboards.Validation;

/// <summary>A panel's rectangle in canvas pixels and its stacking order, as read from the file.</summary>
internal readonly record struct PanelBox(int X, int Y, int W, int H, int? Z)
{
    public int Right => X + W;
    public int Bottom => Y + H;

    /// <summary>Edges that touch do not overlap: panels are half-open rectangles.</summary>
    public bool Overlaps(PanelBox other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}
