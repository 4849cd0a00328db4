using CityScreen.Contracts.Walls;
using CityScreen.Dashboards.Catalog;
using CityScreen.Domain.Telemetry;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// The wall: a layout from <c>dashboards/</c> drawn on its design canvas for an area. Flip counters
/// follow every change; charts and the map are drawn again at most every few seconds and only
/// through the shared render cache, so a hundred screens on one area cost one rendering. With
/// <c>?rotation=ID</c> it cycles through the rotation's pages (轮播); a critical case in the area
/// takes the wall over for the rotation's takeover time, then the page resumes. The state is
/// <see cref="ScreenViewModel"/>'s; this page ticks it and draws. It reports to the fleet view
/// (<c>/admin/walls</c>) through its <see cref="WallBeacon"/> and carries out the commands sent from there.
/// </summary>
public partial class Screen : ComponentBase, IDisposable
{
    private static readonly TimeSpan UiTick = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private ScreenViewModel _model = null!;
    private WallBeacon? _beacon;
    private bool _counted;

    [Parameter] public string? AreaId { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] public string? IndicatorQuery { get; set; }
    [SupplyParameterFromQuery(Name = "layout")] public string? LayoutQuery { get; set; }
    [SupplyParameterFromQuery(Name = "scale")] public string? ScaleQuery { get; set; }
    [SupplyParameterFromQuery(Name = "rotation")] public string? RotationQuery { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageQuery { get; set; }

    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required DashboardCatalog Dashboards { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required AuthenticationStateProvider Authentication { get; init; }
    [Inject] public required CityScreenMetrics Metrics { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    // Made here, not taken from the container: the page owns it and ends its subscriptions with it.
    protected override void OnInitialized() => _model = ActivatorUtilities.CreateInstance<ScreenViewModel>(Services);

    protected override async Task OnParametersSetAsync()
    {
        var viewer = (await Authentication.GetAuthenticationStateAsync()).User;
        await _model.ShowAsync(new ScreenRequest(AreaId, IndicatorQuery, LayoutQuery, ScaleQuery, RotationQuery, PageQuery), viewer);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Only the interactive instance ticks; the prerendered one is thrown away.
        if (!firstRender) return;
        Metrics.WallOpened();
        _counted = true;
        _ = RunUiLoopAsync(_stop.Token);
        Dashboards.Changed += OnDashboardsChanged;
        _beacon = ActivatorUtilities.CreateInstance<WallBeacon>(Services);
        _beacon.Start((await Authentication.GetAuthenticationStateAsync()).User, ProbeAsync, ApplyAsync);
    }

    /// <summary>The browser's answer and what the page shows, read on the page's renderer.</summary>
    private async Task<(BrowserProbe, WallShown)> ProbeAsync(CancellationToken cancellationToken)
    {
        (BrowserProbe, WallShown) result = default;
        await InvokeAsync(async () => result = (await JS.InvokeAsync<BrowserProbe>("cityScreen.wallProbe", cancellationToken), _model.Shown()));
        return result;
    }

    /// <summary>A command from the fleet view: reload the whole page (a new circuit), or go to a page of the rotation or a layout.</summary>
    private Task ApplyAsync(WallCommand command) => InvokeAsync(() =>
    {
        if (command.Kind == WallCommandKind.Reload) Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
        else if (_model.PageUrl(command.Page, command.Layout) is { } url) Navigation.NavigateTo(url);
    });

    private void OnDashboardsChanged(object? sender, DashboardSet set) => _ = InvokeAsync(async () =>
    {
        if (await _model.ReloadAsync(set)) StateHasChanged();
    });

    private async Task RunUiLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(UiTick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await InvokeAsync(TickAsync);
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between ticks.
        }
    }

    private async Task TickAsync()
    {
        var tick = await _model.TickAsync();
        if (tick.NavigateTo is { } next) Navigation.NavigateTo(next);
        if (tick.Render) StateHasChanged();
    }

    public void Dispose()
    {
        if (_counted) Metrics.WallClosed();
        _counted = false;
        Dashboards.Changed -= OnDashboardsChanged;
        _beacon?.Dispose();
        _stop.Cancel();
        _stop.Dispose();
        _model.Dispose();
    }
}
