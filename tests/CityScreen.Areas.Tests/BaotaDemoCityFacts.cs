using System.Text;
using System.Text.Json;
using CityScreen.Areas.Generation;

namespace CityScreen.Areas.Tests;

/// <summary>The generator behind seed-data/areas: reproducible, and the committed files are its current output.</summary>
public class BaotaDemoCityFacts
{
    private static readonly Lazy<DemoCityFiles> DefaultSeed = new(() => BaotaDemoCity.Generate(SeedData.Directory, BaotaDemoCity.DefaultSeed));

    [Fact]
    public void The_same_seed_gives_byte_identical_files_equal_to_the_committed_ones()
    {
        var again = BaotaDemoCity.Generate(SeedData.Directory, BaotaDemoCity.DefaultSeed);

        Assert.Equal(DefaultSeed.Value.Generated, again.Generated);
        Assert.Equal(DefaultSeed.Value.District, again.District);
        // If this fails, the generator changed: run the SeedGenerator (see seed-data/areas/SOURCES.md) and commit its output.
        Assert.Equal(Committed(BaotaDemoCity.GeneratedFileName), DefaultSeed.Value.Generated);
        Assert.Equal(Committed(BaotaDemoCity.DistrictFileName), DefaultSeed.Value.District);
    }

    [Fact]
    public void Another_seed_gives_another_city_with_the_same_streets()
    {
        var other = BaotaDemoCity.Generate(SeedData.Directory, 7);

        Assert.NotEqual(DefaultSeed.Value.Generated, other.Generated);
        Assert.Contains("with seed 7;", Encoding.UTF8.GetString(other.Generated));
        var tree = AreaTreeLoader.Load([
            (BaotaDemoCity.DistrictFileName, (Stream)new MemoryStream(other.District), new AreaFileOptions()),
            (BaotaDemoCity.GeneratedFileName, new MemoryStream(other.Generated), new AreaFileOptions()),
        ]);
        Assert.Equal(6, tree.AtLevel(AreaLevel.Street).Count());
        Assert.Equal(SeedData.Demo.AtLevel(AreaLevel.Community).Count(), tree.AtLevel(AreaLevel.Community).Count());
    }

    [Fact]
    public void The_district_file_holds_only_Baota_Qu_as_DataV_wrote_it()
    {
        using var districts = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SeedData.Directory, BaotaDemoCity.DistrictsInput)));
        using var district = JsonDocument.Parse(DefaultSeed.Value.District);

        var feature = Assert.Single(district.RootElement.GetProperty("features").EnumerateArray());
        var original = districts.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("adcode").GetInt32() == 610602);
        Assert.Equal(original.GetRawText(), feature.GetRawText());
    }

    private static byte[] Committed(string fileName) => File.ReadAllBytes(Path.Combine(SeedData.Directory, fileName));
}
