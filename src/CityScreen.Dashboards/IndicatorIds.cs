namespace CityScreen.Dashboards;

/// <summary>
/// The ids of the live indicator catalogue (docs/domain.md §3), the default answer to "is this an
/// indicator?". Kept here rather than referencing the domain so layouts can be checked by any
/// tool; a host passes the real catalogue through <see cref="DashboardOptions.IsKnownIndicator"/>.
/// </summary>
public static class IndicatorIds
{
    public static readonly IReadOnlyList<string> Catalogue =
    [
        "EV01", "EV02", "EV03", "EV04", "EV05", "EV06", "EV07", "EV08", "EV09", "EV10", "EV11",
        "EV12", "EV13", "EV14", "WB01", "HL01", "HL02", "HL03", "HL04", "HL05", "SA01", "DS01", "PM01", "PM02", "PM03", "VH01", "PJ01", "LP01",
        "PM04", "UN01", "UN02", "UN03", "NR01", "PJ02", "PJ03", "CS01", "ST01", "LP02",
    ];

    private static readonly HashSet<string> Known = new(Catalogue, StringComparer.Ordinal);

    public static bool IsInCatalogue(string id) => Known.Contains(id);
}
