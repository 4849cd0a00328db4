using System.Diagnostics.CodeAnalysis;
using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Rotations;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Catalog;

/// <summary>
/// One load of the dashboard directory, never changed afterwards: a wall holding it keeps a
/// consistent picture while the next load is being made. <see cref="KeptLastGood"/> names the ids
/// served from an earlier load because their file is now invalid (see <see cref="Errors"/>).
/// </summary>
public sealed record DashboardSet(
    long Version,
    DateTimeOffset LoadedAt,
    IReadOnlyDictionary<string, DashboardLayout> Layouts,
    IReadOnlyDictionary<string, Rotation> Rotations,
    IReadOnlyList<DashboardError> Errors,
    IReadOnlySet<string> KeptLastGood)
{
    public static readonly DashboardSet Empty = new(0, DateTimeOffset.MinValue,
        new Dictionary<string, DashboardLayout>(), new Dictionary<string, Rotation>(), [], new HashSet<string>());

    /// <summary>False for anything that is not an id, so a request path like <c>../secrets</c> finds nothing.</summary>
    public bool TryGetLayout(string id, [NotNullWhen(true)] out DashboardLayout? layout)
    {
        layout = null;
        return DashboardId.IsValid(id) && Layouts.TryGetValue(id, out layout);
    }

    public bool TryGetRotation(string id, [NotNullWhen(true)] out Rotation? rotation)
    {
        rotation = null;
        return DashboardId.IsValid(id) && Rotations.TryGetValue(id, out rotation);
    }
}
