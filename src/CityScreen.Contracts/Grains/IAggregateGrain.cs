using CityScreen.Contracts.Indicators;
using Orleans.Concurrency;

namespace CityScreen.Contracts.Grains;

/// <summary>An area above the grids: the sum of its children, pushed up without waiting (docs/architecture.md, rule 2).</summary>
public interface IAggregateGrain : IGrainWithStringKey
{
    /// <summary>
    /// A child's newest snapshot. Answered, so the child knows to send it again when it was lost;
    /// the child's turn never waits for the answer.
    /// </summary>
    Task ReportAsync(IndicatorSnapshot child);

    [AlwaysInterleave]
    Task<IndicatorSnapshot> GetSnapshotAsync();

    /// <summary>Sends the current snapshot to the parent again (a parent that was just activated asks for it).</summary>
    [OneWay]
    Task RepublishAsync();
}

/// <summary>社区: its grids plus its own community-level activities.</summary>
public interface ICommunityGrain : IAggregateGrain;

/// <summary>街道 (or 乡镇).</summary>
public interface IStreetGrain : IAggregateGrain;

/// <summary>区/县.</summary>
public interface IDistrictGrain : IAggregateGrain;

/// <summary>市: the root.</summary>
public interface ICityGrain : IAggregateGrain;
