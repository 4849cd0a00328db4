using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Rotations;

namespace CityScreen.Dashboards.Validation;

/// <summary>One file read: a layout or a rotation when it is valid, else its errors (all of them).</summary>
public sealed record DashboardDocument(
    string File,
    DashboardLayout? Layout,
    Rotation? Rotation,
    IReadOnlyList<DashboardError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
