using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Domain.Time;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Aggregates;

/// <summary>街道: the sum of its children.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class StreetGrain(AreaTree tree, CityClock clock, IOptions<GrainOptions> options)
    : AggregateGrain(tree, clock, options), IStreetGrain;
