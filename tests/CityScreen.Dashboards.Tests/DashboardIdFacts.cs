namespace CityScreen.Dashboards.Tests;

public class DashboardIdFacts
{
    [Theory]
    [InlineData("city-wall")]
    [InlineData("city-wall-4k")]
    [InlineData("2026-report")]
    public void IsValid_accepts_lower_case_digits_and_dashes(string id) => Assert.True(DashboardId.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-wall")]
    [InlineData("City")]
    [InlineData("city_wall")]
    [InlineData("city.wall")]
    [InlineData("../wall")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("街道")]
    public void IsValid_refuses_everything_else(string? id) => Assert.False(DashboardId.IsValid(id));

    [Fact]
    public void IsValid_refuses_ids_longer_than_64()
    {
        Assert.True(DashboardId.IsValid(new string('a', 64)));
        Assert.False(DashboardId.IsValid(new string('a', 65)));
    }
}
