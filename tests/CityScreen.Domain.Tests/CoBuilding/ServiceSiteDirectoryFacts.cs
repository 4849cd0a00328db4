using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Departments;

namespace CityScreen.Domain.Tests.CoBuilding;

/// <summary>The service sites file is checked when read; an error names the file and the field.</summary>
public sealed class ServiceSiteDirectoryFacts
{
    [Fact]
    public void The_demo_sites_stand_in_communities_of_the_demo_district()
    {
        var sites = ServiceSiteDirectory.Load(SeedFile(), id => id.StartsWith("610602", StringComparison.Ordinal) && id.Length == 12);

        Assert.True(sites.All.Count >= 40);
        Assert.Equal(ServiceSite.Kinds.Order(StringComparer.Ordinal), sites.All.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(sites.All, s => Assert.InRange(s.Lon, 109, 110.5));
    }

    [Theory]
    [InlineData("""{"sites":[{"id":"a","name":"n","kind":"驿站","communityId":"c1","location":[109.5,36.6]}]}""", "sites[0].kind")]
    [InlineData("""{"sites":[{"id":"a","name":"n","kind":"红色驿站","communityId":"c9","location":[109.5,36.6]}]}""", "sites[0].communityId")]
    [InlineData("""{"sites":[{"id":"a","name":"n","kind":"红色驿站","communityId":"c1","location":[200,36.6]}]}""", "sites[0].location")]
    [InlineData("""{"sites":[{"id":"a","kind":"红色驿站","communityId":"c1","location":[109.5,36.6]}]}""", "sites[0].name")]
    [InlineData("""{"sites":[{"id":"a","name":"n","kind":"帮办站","communityId":"c1","location":[109.5,36.6]},{"id":"a","name":"n","kind":"帮办站","communityId":"c1","location":[109.5,36.6]}]}""", "sites[1].id")]
    public void A_bad_site_is_refused_naming_the_file_and_the_field(string json, string field)
    {
        var path = Path.Combine(Path.GetTempPath(), $"service-sites-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<ReferenceDataException>(() => ServiceSiteDirectory.Load(path, id => id == "c1"));
            Assert.Equal((Path.GetFileName(path), field), (error.File, error.Field));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string SeedFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "seed-data", "service-sites.json");
    }
}
