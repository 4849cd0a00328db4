using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Domain.Time;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Aggregates;

/// <summary>区/县: the sum of its children.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class DistrictGrain(AreaTree tree, CityClock clock, IOptions<GrainOptions> options)
    : AggregateGrain(tree, clock, options), IDistrictGrain;
