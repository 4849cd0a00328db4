using CityScreen.Contracts.Indicators;
using Orleans.Concurrency;

namespace CityScreen.Contracts.Grains;

/// <summary>
/// A local stateless worker that batches what area grains publish and fans it out to every host's
/// feed, so an area grain sends one local message instead of one per host.
/// </summary>
public interface IScreenPublisherGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishAsync(IndicatorSnapshot snapshot);

    /// <summary>Alerts are sent at once, not on the next batch.</summary>
    [OneWay]
    Task AlertAsync(CaseAlert alert);
}
