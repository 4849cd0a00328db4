using System.Globalization;
using NetTopologySuite.Geometries;

namespace CityScreen.Areas.Generation;

/// <summary>
/// Draws streets, communities and grids inside a real district boundary, each level exactly partitioning the
/// one above, with plausible reference data on the grids and sums above them. Everything random comes from
/// one <see cref="Random"/> in a fixed order, so a seed always gives the same city.
/// </summary>
internal static class DemoCityGenerator
{
    // Streets keep the planned compass layout, so they are relaxed only lightly; communities and grids start
    // from random sites and need a few more rounds to come out even.
    private const int StreetRelaxRounds = 2;
    private const int InnerRelaxRounds = 4;

    public static List<GeneratedArea> Generate(Area district, IReadOnlyList<StreetPlan> streets, IReadOnlyList<CommunityPlan> communities, int seed)
    {
        var random = new Random(seed);
        var streetSites = streets.Select(s => new Coordinate(s.Lon, s.Lat)).ToList();
        var streetCells = PolygonPartition.Split(district.Boundary, streetSites, StreetRelaxRounds);

        var streetAreas = new List<GeneratedArea>();
        var communityAreas = new List<GeneratedArea>();
        var gridAreas = new List<GeneratedArea>();
        for (var s = 0; s < streets.Count; s++)
        {
            var street = streets[s];
            var names = communities.Where(c => c.StreetCode == street.Code).Select(c => c.Name).ToList();
            if (names.Count == 0)
                throw new InvalidOperationException($"No community names for street {street.Code} {street.Name}.");
            var communityCells = PolygonPartition.Split(streetCells[s], PolygonPartition.RandomSites(streetCells[s], names.Count, random), InnerRelaxRounds);

            var streetProfile = AreaProfile.Empty;
            for (var c = 0; c < names.Count; c++)
            {
                var communityId = street.Code + (c + 1).ToString("000", CultureInfo.InvariantCulture);
                var gridCount = random.Next(8, 13);
                var gridCells = PolygonPartition.Split(communityCells[c], PolygonPartition.RandomSites(communityCells[c], gridCount, random), InnerRelaxRounds);

                var communityProfile = AreaProfile.Empty;
                for (var g = 0; g < gridCount; g++)
                {
                    var profile = GridProfile(random);
                    communityProfile = communityProfile.Add(profile);
                    gridAreas.Add(new GeneratedArea(
                        communityId + (g + 1).ToString("000", CultureInfo.InvariantCulture),
                        $"{names[c]}第{g + 1}网格", AreaLevel.Grid, communityId, gridCells[g], profile));
                }
                streetProfile = streetProfile.Add(communityProfile);
                communityAreas.Add(new GeneratedArea(communityId, names[c], AreaLevel.Community, street.Code, communityCells[c], communityProfile));
            }
            streetAreas.Add(new GeneratedArea(street.Code, street.Name, AreaLevel.Street, district.Id, streetCells[s], streetProfile));
        }
        return [.. streetAreas, .. communityAreas, .. gridAreas];
    }

    /// <summary>
    /// A grid of a few hundred households (the seeds' "a community of 4,839 households split into 21 grids"),
    /// 2.6–3.0 people each, a Party branch or group on about nine grids in ten, and the members expected to
    /// register there (在职党员应报到). A grid without a branch or group has no Party organisation.
    /// </summary>
    private static AreaProfile GridProfile(Random random)
    {
        var households = random.Next(250, 401);
        var population = (int)Math.Round(households * (2.6 + 0.4 * random.NextDouble()));
        var hasPartyBranch = random.NextDouble() < 0.9;
        var partyOrganisations = hasPartyBranch ? random.Next(1, 4) : 0;
        var membersExpected = random.Next(15, 61);
        var residentUnits = random.Next(0, 4);
        return new AreaProfile(population, households, partyOrganisations, membersExpected, residentUnits, hasPartyBranch);
    }
}
