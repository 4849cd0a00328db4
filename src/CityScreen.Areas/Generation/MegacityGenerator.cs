using System.Globalization;
using NetTopologySuite.Geometries;

namespace CityScreen.Areas.Generation;

/// <summary>How many areas a generated megacity has at each level (the city itself is one).</summary>
public sealed record MegacitySize(int Districts, int Streets, int Communities, int Grids)
{
    /// <summary>The benchmark's megacity: 20 districts, 300 streets, 5,000 communities, 50,000 grids.</summary>
    public static MegacitySize Full { get; } = new(20, 300, 5_000, 50_000);

    public int Areas => 1 + Districts + Streets + Communities + Grids;
}

/// <summary>
/// A synthetic city of any size for load and scale runs: every level splits its parent's rectangle
/// into equal strips (alternating direction), so each level exactly partitions the one above like
/// the demo's Voronoi cells do, but in linear time, which the demo's generator is not at 50,000
/// grids. Grids get the demo's reference data; parents carry the sums. Same seed, same city.
/// </summary>
public static class MegacityGenerator
{
    public const string CityId = "990000";
    public const string CityName = "超大城市";

    /// <summary>The city as DataV-style GeoJSON (districts down to grids; the city is their union, named by the caller).</summary>
    public static byte[] Write(MegacitySize size, int seed = 20261122)
    {
        if (size.Districts < 1 || size.Streets < size.Districts || size.Communities < size.Streets || size.Grids < size.Communities)
            throw new ArgumentException($"every level needs at least as many areas as the one above it: {size}", nameof(size));
        var random = new Random(seed);
        var areas = new List<GeneratedArea>(size.Areas);
        var districtBoxes = Split(new Envelope(116.0, 117.0, 39.5, 40.5), size.Districts, vertical: true);
        var streetsOf = Spread(size.Streets, size.Districts);
        var communitiesOf = Spread(size.Communities, size.Streets);
        var gridsOf = Spread(size.Grids, size.Communities);
        int streetIndex = 0, communityIndex = 0;
        for (var d = 0; d < size.Districts; d++)
        {
            var districtId = $"99{d + 1:00}";
            var districtProfile = AreaProfile.Empty;
            var streetBoxes = Split(districtBoxes[d], streetsOf[d], vertical: false);
            for (var s = 0; s < streetBoxes.Length; s++)
            {
                var streetId = districtId + (s + 1).ToString("000", CultureInfo.InvariantCulture);
                var streetProfile = AreaProfile.Empty;
                var communityBoxes = Split(streetBoxes[s], communitiesOf[streetIndex++], vertical: true);
                for (var c = 0; c < communityBoxes.Length; c++)
                {
                    var communityId = streetId + (c + 1).ToString("000", CultureInfo.InvariantCulture);
                    var communityProfile = AreaProfile.Empty;
                    var gridBoxes = Split(communityBoxes[c], gridsOf[communityIndex++], vertical: false);
                    for (var g = 0; g < gridBoxes.Length; g++)
                    {
                        var profile = GridProfile(random);
                        communityProfile = communityProfile.Add(profile);
                        areas.Add(new GeneratedArea(communityId + (g + 1).ToString("000", CultureInfo.InvariantCulture),
                            $"第{c + 1}社区第{g + 1}网格", AreaLevel.Grid, communityId, Box(gridBoxes[g]), profile));
                    }
                    streetProfile = streetProfile.Add(communityProfile);
                    areas.Add(new GeneratedArea(communityId, $"第{s + 1}街道第{c + 1}社区", AreaLevel.Community, streetId, Box(communityBoxes[c]), communityProfile));
                }
                districtProfile = districtProfile.Add(streetProfile);
                areas.Add(new GeneratedArea(streetId, $"第{d + 1}区第{s + 1}街道", AreaLevel.Street, districtId, Box(streetBoxes[s]), streetProfile));
            }
            areas.Add(new GeneratedArea(districtId, $"第{d + 1}区", AreaLevel.District, CityId, Box(districtBoxes[d]), districtProfile));
        }
        return DataVFeatureWriter.Write(CityName, $"MegacityGenerator seed {seed}: {size}", areas);
    }

    /// <summary><paramref name="total"/> children spread as evenly as possible over <paramref name="parents"/>.</summary>
    private static int[] Spread(int total, int parents) =>
        Enumerable.Range(0, parents).Select(i => total / parents + (i < total % parents ? 1 : 0)).ToArray();

    private static Envelope[] Split(Envelope box, int parts, bool vertical)
    {
        var result = new Envelope[parts];
        for (var i = 0; i < parts; i++)
            result[i] = vertical
                ? new Envelope(box.MinX + box.Width * i / parts, box.MinX + box.Width * (i + 1) / parts, box.MinY, box.MaxY)
                : new Envelope(box.MinX, box.MaxX, box.MinY + box.Height * i / parts, box.MinY + box.Height * (i + 1) / parts);
        return result;
    }

    private static Geometry Box(Envelope e) => GeometryFactory.Default.ToGeometry(e);

    /// <summary>Households, people, branches and members in the demo city's ranges.</summary>
    private static AreaProfile GridProfile(Random random)
    {
        var households = random.Next(250, 401);
        var population = (int)Math.Round(households * (2.6 + 0.4 * random.NextDouble()));
        var hasPartyBranch = random.NextDouble() < 0.9;
        return new AreaProfile(population, households, hasPartyBranch ? random.Next(1, 4) : 0, random.Next(15, 61), random.Next(0, 4), hasPartyBranch);
    }
}
