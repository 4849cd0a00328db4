using System.Text.Json;
using CityScreen.Dashboards.Rotations;

namespace CityScreen.Dashboards.Validation;

/// <summary>Reads and checks a rotation file (the top-level object with <c>pages</c>).</summary>
internal static class RotationReader
{
    public const int MaxPages = 200;
    public const int MinTakeoverSeconds = 5;
    public const int MaxTakeoverSeconds = 3600;

    public static Rotation? Read(JsonObjectReader r, string expectedId, DashboardOptions options)
    {
        var before = r.Errors.Count;
        FileIdentity.ReadSchemaVersion(r);
        var id = FileIdentity.ReadId(r, expectedId);
        var title = r.String("title", maxLength: LayoutReader.MaxTitleLength);
        var pages = new List<RotationPage>();
        foreach (var (item, path) in r.Array("pages", required: true, 1, MaxPages) ?? [])
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                r.Errors.Add(path, "must be a page object {layout, area, dwellSeconds}");
                continue;
            }
            if (Page(new JsonObjectReader(item, path, r.Errors), options) is { } page) pages.Add(page);
        }
        var takeover = r.Object("takeover", required: false) is { } t ? Takeover(t) : null;
        r.Finish();
        return r.Errors.Count == before ? new Rotation(id!, title, pages, takeover) : null;
    }

    private static RotationPage? Page(JsonObjectReader p, DashboardOptions options)
    {
        var before = p.Errors.Count;
        var layout = p.Id("layout");
        var area = DomainFields.Area(p, "area", options);
        var dwell = p.Integer("dwellSeconds", false, LayoutReader.MinDwellSeconds, LayoutReader.MaxDwellSeconds);
        p.Finish();
        return p.Errors.Count == before ? new RotationPage(layout!, area, dwell) : null;
    }

    private static Takeover? Takeover(JsonObjectReader t)
    {
        var before = t.Errors.Count;
        var seconds = t.Integer("seconds", true, MinTakeoverSeconds, MaxTakeoverSeconds);
        var layout = t.Id("layout", required: false);
        t.Finish();
        return t.Errors.Count == before ? new Takeover(seconds!.Value, layout) : null;
    }
}
