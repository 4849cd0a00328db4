using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Domain.Time;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Aggregates;

/// <summary>市: the sum of its children.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CityGrain(AreaTree tree, CityClock clock, IOptions<GrainOptions> options)
    : AggregateGrain(tree, clock, options), ICityGrain;
