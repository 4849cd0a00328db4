namespace CityScreen.Dashboards;

/// <summary>How layouts are checked and reloaded; every rule a site may want to tune is here, not in code (docs/architecture.md, rule 9).</summary>
public sealed class DashboardOptions
{
    /// <summary>Whether an indicator id exists; the catalogue of <see cref="IndicatorIds"/> by default.</summary>
    public Func<string, bool> IsKnownIndicator { get; set; } = IndicatorIds.IsInCatalogue;

    /// <summary>Whether an area id exists in the area tree; null (the default) accepts any well-formed id.</summary>
    public Func<string, bool>? IsKnownArea { get; set; }

    /// <summary>The smallest text a panel may draw, as a fraction of the canvas height (see <see cref="Validation.ReadabilityRule"/>).</summary>
    public double MinTextFraction { get; set; } = Validation.ReadabilityRule.DefaultMinTextFraction;

    /// <summary>Quiet time after the last change in the directory before reloading: an editor's save is several writes.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// A full re-read on this period as well as on change notices, because watchers miss changes on
    /// some mounts (network shares, container bind mounts). Zero or negative turns it off.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Larger files are refused unread; a layout is a few kilobytes.</summary>
    public int MaxFileBytes { get; set; } = 1024 * 1024;
}
