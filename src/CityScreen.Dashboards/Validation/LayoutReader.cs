using System.Text.Json;
using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Validation;

/// <summary>Reads and checks a layout file (the top-level object with <c>panels</c>).</summary>
internal static class LayoutReader
{
    public const int MaxPanels = 64;
    public const int MaxTitleLength = 60;
    public const int MinDwellSeconds = 5;
    public const int MaxDwellSeconds = 3600;

    public static DashboardLayout? Read(JsonObjectReader r, string expectedId, DashboardOptions options)
    {
        var before = r.Errors.Count;
        FileIdentity.ReadSchemaVersion(r);
        var id = FileIdentity.ReadId(r, expectedId);
        var title = r.String("title", required: true, MaxTitleLength);
        var canvas = Canvas(r.Object("canvas", required: true));
        var scale = r.Choice("scale", false, JsonNames.ScaleModes) ?? ScaleMode.Fit;
        var area = DomainFields.Area(r, "area", options) ?? AreaReference.Current;
        var dwell = r.Integer("dwellSeconds", false, MinDwellSeconds, MaxDwellSeconds) ?? DashboardLayout.DefaultDwellSeconds;
        var drafts = new List<PanelDraft>();
        foreach (var (item, path) in r.Array("panels", required: true, 1, MaxPanels) ?? [])
        {
            if (item.ValueKind == JsonValueKind.Object)
                drafts.Add(PanelReader.Read(new JsonObjectReader(item, path, r.Errors), options));
            else
                r.Errors.Add(path, "must be a panel object");
        }
        r.Finish();
        PanelPlacement.Check(drafts, canvas, new ReadabilityRule(options.MinTextFraction), r.Errors);

        if (r.Errors.Count != before) return null;
        return new DashboardLayout(id!, title!, canvas!.Value, scale, area, dwell, drafts.Select(d => d.Panel!).ToList());
    }

    private static CanvasSize? Canvas(JsonObjectReader? c)
    {
        if (c is null) return null;
        var width = c.Integer("width", true, CanvasSize.MinSide, CanvasSize.MaxSide);
        var height = c.Integer("height", true, CanvasSize.MinSide, CanvasSize.MaxSide);
        c.Finish();
        return width is { } w && height is { } h ? new CanvasSize(w, h) : null;
    }
}
