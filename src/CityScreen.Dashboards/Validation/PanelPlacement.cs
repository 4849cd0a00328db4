using System.Globalization;
using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Validation;

/// <summary>The rules between panels and the canvas: inside it, unique ids, no accidental overlap, readable text.</summary>
internal static class PanelPlacement
{
    public static void Check(IReadOnlyList<PanelDraft> drafts, CanvasSize? canvas, ReadabilityRule readability, ErrorSink errors)
    {
        CheckIds(drafts, errors);
        if (canvas is { } c)
        {
            foreach (var d in drafts)
                if (d.Box is { } box) CheckInside(d.Path, box, c, errors);
            foreach (var d in drafts)
                if (d.Panel is { } panel) CheckReadable(d.Path, panel, c, readability, errors);
        }
        CheckOverlaps(drafts, errors);
    }

    private static void CheckIds(IReadOnlyList<PanelDraft> drafts, ErrorSink errors)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            if (d.Id is null) continue;
            if (first.TryGetValue(d.Id, out var path)) errors.Add($"{d.Path}.id", $"\"{d.Id}\" is already the id of {path}");
            else first[d.Id] = d.Path;
        }
    }

    private static void CheckInside(string path, PanelBox box, CanvasSize canvas, ErrorSink errors)
    {
        if (box.X >= canvas.Width) errors.Add($"{path}.x", $"the panel starts at x = {box.X}, beyond the canvas width {canvas.Width}");
        else if (box.Right > canvas.Width) errors.Add($"{path}.w", $"the panel ends at x = {box.Right}, beyond the canvas width {canvas.Width}");
        if (box.Y >= canvas.Height) errors.Add($"{path}.y", $"the panel starts at y = {box.Y}, beyond the canvas height {canvas.Height}");
        else if (box.Bottom > canvas.Height) errors.Add($"{path}.h", $"the panel ends at y = {box.Bottom}, beyond the canvas height {canvas.Height}");
    }

    private static void CheckReadable(string path, Panel panel, CanvasSize canvas, ReadabilityRule rule, ErrorSink errors)
    {
        if (rule.IsReadable(panel, canvas)) return;
        var lines = panel.Options.TextLines;
        var text = ReadabilityRule.SmallestTextHeight(panel);
        var minimum = rule.MinimumTextHeight(canvas);
        var percent = rule.MinTextFraction * 100;
        errors.Add($"{path}.h", string.Create(CultureInfo.InvariantCulture,
            $"text would be {text:0.#} px high ({JsonNames.Of(panel.Type)}: {lines} lines of text in {panel.H} px), " +
            $"under the {minimum:0.#} px ({percent:0.##} % of the canvas height {canvas.Height}) readable at 5 m; " +
            $"make the panel at least {rule.MinimumPanelHeight(canvas, panel.Options)} px high{Remedy(panel.Type)}"));
    }

    private static string Remedy(PanelType type) => type switch
    {
        PanelType.Kpi => " or show fewer indicators or more columns",
        PanelType.Ranking or PanelType.Ticker or PanelType.Categories or PanelType.Departments or PanelType.Whistles or PanelType.DoubleReport or PanelType.UnitRanking or PanelType.LovePoints => " or show fewer rows",
        PanelType.Title => " or turn off the breadcrumbs",
        PanelType.Clock => " or turn off the date",
        _ => "",
    };

    /// <summary>Overlap is allowed only on purpose: both panels give a <c>z</c>, and different ones, so the stacking is explicit.</summary>
    private static void CheckOverlaps(IReadOnlyList<PanelDraft> drafts, ErrorSink errors)
    {
        for (var j = 0; j < drafts.Count; j++)
        {
            if (drafts[j].Box is not { } b) continue;
            for (var i = 0; i < j; i++)
            {
                if (drafts[i].Box is not { } a || !a.Overlaps(b)) continue;
                var where = $"x {Math.Max(a.X, b.X)}..{Math.Min(a.Right, b.Right)}, y {Math.Max(a.Y, b.Y)}..{Math.Min(a.Bottom, b.Bottom)}";
                if (a.Z is null || b.Z is null)
                    errors.Add(drafts[j].Path, $"overlaps panel {drafts[i].Label} at {where}; panels may overlap only when both give \"z\" (the higher is drawn on top)");
                else if (a.Z == b.Z)
                    errors.Add($"{drafts[j].Path}.z", $"overlaps panel {drafts[i].Label} at {where} with the same z = {b.Z}; give them different z values");
            }
        }
    }
}
