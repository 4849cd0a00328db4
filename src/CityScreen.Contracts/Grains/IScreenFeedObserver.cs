using CityScreen.Contracts.Indicators;
using Orleans.Concurrency;

namespace CityScreen.Contracts.Grains;

/// <summary>
/// The screen feed of one host. Grains hand it snapshots and alerts and never wait for a browser
/// (docs/architecture.md, rule 4); every host gets everything, so a client on any host sees every area (rule 5).
/// </summary>
public interface IScreenFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnSnapshotsAsync(IndicatorSnapshot[] snapshots);

    [OneWay]
    Task OnAlertsAsync(CaseAlert[] alerts);
}
