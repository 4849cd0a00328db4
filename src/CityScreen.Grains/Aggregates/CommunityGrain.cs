using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Domain.Time;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Aggregates;

/// <summary>社区: the sum of its grids and of its own community-level activities.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CommunityGrain(AreaTree tree, CityClock clock, IOptions<GrainOptions> options)
    : AggregateGrain(tree, clock, options), ICommunityGrain;
