using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Grains;

/// <summary>Finds the grain of an area by its place in the tree.</summary>
public static class AreaGrainFactory
{
    /// <summary>The suffix of a community's own ledger among its children (activities naming the community).</summary>
    public const string DirectSuffix = "/direct";

    public static bool IsLeaf(Area area) => area.ChildIds.Count == 0;

    public static IAggregateGrain GetAggregate(this IGrainFactory grains, Area area) => area.Level switch
    {
        AreaLevel.City => grains.GetGrain<ICityGrain>(area.Id),
        AreaLevel.District => grains.GetGrain<IDistrictGrain>(area.Id),
        AreaLevel.Street => grains.GetGrain<IStreetGrain>(area.Id),
        AreaLevel.Community => grains.GetGrain<ICommunityGrain>(area.Id),
        _ => throw new ArgumentException($"{area} has no aggregate grain", nameof(area)),
    };

    public static Task<IndicatorSnapshot> GetSnapshotAsync(this IGrainFactory grains, Area area) =>
        IsLeaf(area) ? grains.GetGrain<IGridGrain>(area.Id).GetSnapshotAsync() : grains.GetAggregate(area).GetSnapshotAsync();
}
