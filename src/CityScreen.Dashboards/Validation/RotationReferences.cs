using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Rotations;

namespace CityScreen.Dashboards.Validation;

/// <summary>The checks of a rotation that need the other files: the layouts it names.</summary>
internal static class RotationReferences
{
    public static void Check(Rotation rotation, IReadOnlyDictionary<string, DashboardLayout> layouts, ErrorSink errors)
    {
        for (var i = 0; i < rotation.Pages.Count; i++)
        {
            var page = rotation.Pages[i];
            if (!layouts.TryGetValue(page.Layout, out var layout))
                errors.Add($"$.pages[{i}].layout", Missing(page.Layout, layouts));
            else if (page.Area is not null && layout.Area != AreaReference.Current)
                errors.Add($"$.pages[{i}].area",
                    $"the layout '{layout.Id}' always shows area '{layout.Area}', so this page's area would be ignored; remove one of them");
        }
        if (rotation.Takeover?.Layout is { } takeoverLayout && !layouts.ContainsKey(takeoverLayout))
            errors.Add("$.takeover.layout", Missing(takeoverLayout, layouts));
    }

    private static string Missing(string id, IReadOnlyDictionary<string, DashboardLayout> layouts) =>
        $"there is no valid layout '{id}' ({id}.json beside this file){Spelling.Hint(id, layouts.Keys)}";
}
