using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using CityScreen.Contracts.Walls;
using CityScreen.Dashboards.Catalog;
using CityScreen.Domain.Time;
using CityScreen.Server.Security;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// 大屏运行状态 (<c>/admin/walls</c>): every wall open on any host, read from the fleet grain every
/// <see cref="Refresh"/>, red once silent, with a remote reload and "show page" per wall
/// (<see cref="FleetControl"/>, audited). Admins and operators only: the endpoint says so, and
/// the page checks again, since a circuit could be steered here without a new request.
/// </summary>
public partial class AdminWalls : ComponentBase, IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    /// <summary>Data older than this is marked: the areas a wall shows change every few minutes by day.</summary>
    private static readonly TimeSpan StaleData = TimeSpan.FromMinutes(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, string> _choices = new(StringComparer.Ordinal);
    private ImmutableArray<WallStatus> _walls = [];
    private ClaimsPrincipal _user = new();
    private bool _allowed, _live;
    private string _updated = "--:--:--";
    private string? _message;

    [Inject] public required FleetControl Fleet { get; init; }
    [Inject] public required DashboardCatalog Dashboards { get; init; }
    [Inject] public required CityClock Clock { get; init; }
    [Inject] public required AuthenticationStateProvider Authentication { get; init; }
    [Inject] public required ILogger<AdminWalls> Logger { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication.GetAuthenticationStateAsync()).User;
        _allowed = _user.IsInRole(Roles.Admin) || _user.IsInRole(Roles.Operator);
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && _allowed) _ = RunAsync(_stop.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Refresh);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
                    _live = true;
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between refreshes.
        }
    }

    private async Task LoadAsync()
    {
        if (!_allowed) return;
        try
        {
            _walls = await Fleet.ListAsync(_user);
            _updated = Clock.ToLocal(Clock.Now).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            // The silo not up yet, or the fleet grain moving: the last list stays, its time says how old it is.
            Logger.LogDebug(ex, "Could not read the wall fleet");
        }
    }

    private async Task ReloadAsync(WallReport wall) =>
        Say(wall, await Fleet.ReloadAsync(wall.WallId, _user), "刷新");

    private async Task ShowPageAsync(WallReport wall)
    {
        var choice = _choices.GetValueOrDefault(wall.WallId) ?? ChoiceValue(Choices(wall).FirstOrDefault());
        var index = choice.StartsWith("i:", StringComparison.Ordinal) && int.TryParse(choice[2..], CultureInfo.InvariantCulture, out var i) ? i : (int?)null;
        var layout = choice.StartsWith("l:", StringComparison.Ordinal) ? choice[2..] : null;
        Say(wall, await Fleet.ShowPageAsync(wall.WallId, index, layout, _user), "切换页面");
    }

    private void Say(WallReport wall, FleetControl.Outcome outcome, string action)
    {
        var name = wall.AreaName ?? wall.WallId;
        _message = outcome.Result switch
        {
            FleetControl.Result.Sent => $"已向“{name}”发送{action}指令，将在 {(int)WallBeacon.Every.TotalSeconds} 秒内执行。",
            FleetControl.Result.Offline => $"“{name}”已离线，未发送{action}指令。",
            FleetControl.Result.InvalidPage => $"无法切换：{outcome.Problem}",
            _ => $"“{name}”已不在列表中。",
        };
    }

    private IReadOnlyList<WallPages.Choice> Choices(WallReport wall) => WallPages.Of(wall, Dashboards);

    /// <summary>The choice shown in a wall's list: the one picked, else the page it shows.</summary>
    private string Choice(WallStatus wall) =>
        _choices.GetValueOrDefault(wall.Last.WallId) ?? (wall.Last.Page is { } p ? $"i:{p}" : $"l:{wall.Last.Layout}");

    private static string ChoiceValue(WallPages.Choice? choice) =>
        choice is null ? "" : choice.Index is { } i ? $"i:{i}" : $"l:{choice.Layout}";

    private string Shown(WallReport wall)
    {
        var layout = wall.Layout is { } id && Dashboards.TryGetLayout(id, out var l) && !string.IsNullOrEmpty(l.Title) ? $"{l.Title}（{id}）" : wall.Layout ?? "—";
        return wall.Rotation is { } rotation ? $"{layout} · 轮播 {rotation} 第 {wall.Page + 1}/{wall.PageCount} 页" : layout;
    }

    private static string ScaleName(string scale) => scale switch
    {
        "fill" => "铺满",
        "real" => "原始尺寸",
        _ => "等比适应",
    };

    private bool IsStale(WallReport wall) => wall.DataAt is not { } at || Clock.Now - at > StaleData;

    private string Ago(DateTimeOffset at)
    {
        var age = Clock.Now - at;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        return age.TotalSeconds < 60 ? $"{age.TotalSeconds:0} 秒"
            : age.TotalMinutes < 60 ? $"{age.TotalMinutes:0} 分钟"
            : age.TotalHours < 48 ? $"{age.TotalHours:0} 小时"
            : $"{age.TotalDays:0} 天";
    }

    private string Local(DateTimeOffset at) => Clock.ToLocal(at).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
