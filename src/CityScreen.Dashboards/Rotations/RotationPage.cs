using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Rotations;

/// <summary>
/// One stop of a rotation: a layout shown at <see cref="Area"/> (null: the wall's own area) for
/// <see cref="DwellSeconds"/> (null: the layout's <c>dwellSeconds</c>).
/// </summary>
public sealed record RotationPage(string Layout, string? Area = null, int? DwellSeconds = null)
{
    public TimeSpan DwellIn(DashboardLayout layout) => TimeSpan.FromSeconds(DwellSeconds ?? layout.DwellSeconds);
}
