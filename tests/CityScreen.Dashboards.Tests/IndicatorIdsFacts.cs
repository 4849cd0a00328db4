using System.Text.RegularExpressions;

namespace CityScreen.Dashboards.Tests;

public partial class IndicatorIdsFacts
{
    [GeneratedRegex("""new\("([A-Z]{2}[0-9]{2})",""")]
    private static partial Regex CatalogueEntry();

    /// <summary>The dashboards keep their own copy of the ids (they do not reference the domain); this keeps it true.</summary>
    [Fact]
    public void Catalogue_is_the_domains_indicator_catalogue()
    {
        var source = File.ReadAllText(RepositoryRoot.Combine("src", "CityScreen.Domain", "Indicators", "IndicatorCatalog.cs"));
        var domainIds = CatalogueEntry().Matches(source).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(domainIds);
        Assert.Equal(domainIds, IndicatorIds.Catalogue);
    }
}
