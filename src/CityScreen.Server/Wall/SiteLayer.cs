using System.Globalization;
using System.Net;
using System.Text;
using CityScreen.Areas;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Time;
using CityScreen.Rendering.Maps;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// The service sites (阵地) of a map's area as a layer of HTML over it: a marker per site at its
/// location, coloured by kind, and a ring that pulses a few times when the site has just reported
/// people served (<c>site.served</c> in the last <see cref="PulseFor"/>, from the area's snapshot).
/// The pulse is a CSS animation of transform and opacity on an element of its own (wall.css), which
/// the browser's compositor runs without a script or a repaint of the map.
/// </summary>
public sealed class SiteLayer(AreaTree tree, ScreenFeed feed, ServiceSiteDirectory sites, CityClock clock)
{
    /// <summary>How long after its report a site counts as serving; the ring pulses once when it starts.</summary>
    public static readonly TimeSpan PulseFor = TimeSpan.FromMinutes(2);

    /// <summary>The layer for the map of <paramref name="area"/> drawn in <paramref name="v"/> (<see cref="WallRenderer.Viewport"/>); empty without one.</summary>
    public string Render(Area area, MapViewport? v)
    {
        if (v is null) return "";
        var served = feed.Latest(area.Id)?.Values.SitesServedAt;
        var now = clock.Now;
        var html = new StringBuilder("<div class=\"site-layer\" aria-hidden=\"true\">");
        var shown = 0;
        foreach (var site in sites.All)
        {
            if (!tree.IsInSubtree(site.CommunityId, area.Id)) continue;
            var (x, y) = v.ToPixel(site.Lon, site.Lat);
            if (!double.IsFinite(x) || !double.IsFinite(y) || !v.Contains(x, y)) continue;
            shown++;
            var serving = served is not null && served.TryGetValue(site.Id, out var at) && at <= now && now - at <= PulseFor;
            html.Append("<span class=\"site site-").Append(KindClass(site.Kind)).Append(serving ? " serving" : "")
                .Append("\" data-site-id=\"").Append(WebUtility.HtmlEncode(site.Id))
                .Append("\" title=\"").Append(WebUtility.HtmlEncode($"{site.Name}（{site.Kind}）"))
                .Append("\" style=\"left:").Append(Percent(x, v.Width)).Append("%;top:").Append(Percent(y, v.Height)).Append("%\"><i></i></span>");
        }
        if (shown > 0)
        {
            html.Append("<div class=\"site-legend\">");
            foreach (var kind in ServiceSite.Kinds) html.Append("<span class=\"site-").Append(KindClass(kind)).Append("\"><b></b>").Append(kind).Append("</span>");
            html.Append("</div>");
        }
        return html.Append("</div>").ToString();
    }

    private static string KindClass(string kind) => kind switch
    {
        "党群服务中心" => "centre",
        "红色驿站" => "rest",
        _ => "desk",
    };

    private static string Percent(double at, int of) => (100 * at / of).ToString("0.###", CultureInfo.InvariantCulture);
}
