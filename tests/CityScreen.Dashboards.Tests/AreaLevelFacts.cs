using CityScreen.Areas;
using CityScreen.Dashboards.Validation;
using LayoutLevel = CityScreen.Dashboards.Layouts.AreaLevel;

namespace CityScreen.Dashboards.Tests;

/// <summary>The layouts' area levels are the area tree's: same names, same numbers, same spelling in the files.</summary>
public class AreaLevelFacts
{
    [Fact]
    public void Every_level_has_the_same_name_and_number_in_both_enums()
    {
        Assert.Equal(Enum.GetValues<AreaLevel>().Select(l => (l.ToString(), (int)l)), Enum.GetValues<LayoutLevel>().Select(l => (l.ToString(), (int)l)));
    }

    [Fact]
    public void Layout_files_spell_levels_as_the_area_files_do_and_name_no_city()
    {
        foreach (var choice in JsonNames.AreaLevels)
            Assert.Equal(((AreaLevel)(int)choice.Value).ToApiName(), choice.Json);
        Assert.DoesNotContain(JsonNames.AreaLevels, c => c.Value == LayoutLevel.City);
        Assert.Equal(Enum.GetValues<LayoutLevel>().Length - 1, JsonNames.AreaLevels.Count);
    }
}
