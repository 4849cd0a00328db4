namespace CityScreen.Areas.Tests;

public class AreaLevelsFacts
{
    [Theory]
    [InlineData(AreaLevel.City, "city")]
    [InlineData(AreaLevel.District, "district")]
    [InlineData(AreaLevel.Street, "street")]
    [InlineData(AreaLevel.Community, "community")]
    [InlineData(AreaLevel.Grid, "grid")]
    public void ToApiName_is_the_lowercase_spelling_and_parses_back(AreaLevel level, string name)
    {
        Assert.Equal(name, level.ToApiName());
        Assert.True(AreaLevels.TryParse(name, out var parsed));
        Assert.Equal(level, parsed);
    }

    [Theory]
    [InlineData("市", AreaLevel.City)]
    [InlineData("区", AreaLevel.District)]
    [InlineData("县", AreaLevel.District)]
    [InlineData("街道", AreaLevel.Street)]
    [InlineData("镇", AreaLevel.Street)]
    [InlineData("乡", AreaLevel.Street)]
    [InlineData("社区", AreaLevel.Community)]
    [InlineData("村", AreaLevel.Community)]
    [InlineData("网格", AreaLevel.Grid)]
    [InlineData(" Street ", AreaLevel.Street)]
    public void TryParse_accepts_Chinese_names_and_loose_spelling(string text, AreaLevel expected)
    {
        Assert.True(AreaLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("province")]
    [InlineData("country")]
    [InlineData("省")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_rejects_levels_above_the_city_and_nonsense(string? text)
    {
        Assert.False(AreaLevels.TryParse(text, out _));
    }
}
