using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Validation;

/// <summary>Reads one member of <c>panels</c>.</summary>
internal static class PanelReader
{
    public const int MaxZ = 1000;
    public const int MaxTitleLength = 40;

    public static PanelDraft Read(JsonObjectReader p, DashboardOptions options)
    {
        var before = p.Errors.Count;
        var id = p.Id("id");
        var type = p.Choice("type", true, JsonNames.PanelTypes);
        var x = p.Integer("x", true, 0, CanvasSize.MaxSide);
        var y = p.Integer("y", true, 0, CanvasSize.MaxSide);
        var w = p.Integer("w", true, 1, CanvasSize.MaxSide);
        var h = p.Integer("h", true, 1, CanvasSize.MaxSide);
        var z = p.Integer("z", false, -MaxZ, MaxZ);
        var area = DomainFields.Area(p, "area", options);
        var title = p.String("title", maxLength: MaxTitleLength);
        var optionsObject = p.Object("options", required: false);
        // An unknown type has no schema for its options: only the type is reported.
        var panelOptions = type is { } t
            ? PanelOptionsReader.Read(t, optionsObject ?? JsonObjectReader.Empty(p.PathOf("options"), p.Errors), options)
            : null;
        p.Finish();

        PanelBox? box = x is { } bx && y is { } by && w is { } bw && h is { } bh ? new PanelBox(bx, by, bw, bh, z) : null;
        var panel = p.Errors.Count == before && box is { } b
            ? new Panel(id!, type!.Value, b.X, b.Y, b.W, b.H, panelOptions!, area, title, z)
            : null;
        return new PanelDraft(p.Path, id, type, box, panel);
    }
}
