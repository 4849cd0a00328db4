using System.Collections.Immutable;
using System.Security.Claims;
using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Walls;
using CityScreen.Dashboards.Catalog;
using CityScreen.Domain.Telemetry;
using CityScreen.Server.Security;

namespace CityScreen.Server.Wall;

/// <summary>
/// The fleet view's actions, one rule for the page (<c>/admin/walls</c>) and the API
/// (<c>/api/admin/walls</c>): list every wall of the cluster, reload one, send one to a page. A
/// command goes only to a wall that is online (an offline one would get it whenever it came back,
/// long after anyone expects it) and is audited with who sent it. An operator bound to an area sees
/// and commands only the walls showing its subtree: the others answer as unknown, as everywhere.
/// </summary>
public sealed class FleetControl(IGrainFactory grains, AreaTree tree, DashboardCatalog dashboards, Audit audit, CityScreenMetrics metrics)
{
    public enum Result
    {
        Sent,
        UnknownWall,
        Offline,
        InvalidPage,
    }

    /// <summary>What became of a command; <see cref="Field"/> and <see cref="Problem"/> say why a page was refused.</summary>
    public sealed record Outcome(Result Result, WallCommand? Command = null, string? Field = null, string? Problem = null);

    private IWallFleetGrain Fleet => grains.GetGrain<IWallFleetGrain>(IWallFleetGrain.Key);

    public async Task<ImmutableArray<WallStatus>> ListAsync(ClaimsPrincipal viewer)
    {
        var scope = AreaScope.For(viewer, tree);
        var all = await Fleet.ListAsync();
        return scope is null ? [] : scope.Root.Id == tree.Root.Id ? all : [.. all.Where(w => w.Last.AreaId is { } a && scope.Contains(a))];
    }

    public Task<Outcome> ReloadAsync(string wallId, ClaimsPrincipal by) =>
        SendAsync(wallId, by, _ => (new WallCommand(NewId(), WallCommandKind.Reload), null));

    public Task<Outcome> ShowPageAsync(string wallId, int? index, string? layout, ClaimsPrincipal by) =>
        SendAsync(wallId, by, wall =>
        {
            var target = WallPages.Resolve(wall, dashboards, index, layout);
            return target.Problem is null
                ? (new WallCommand(NewId(), WallCommandKind.ShowPage, target.Page, target.Layout), null)
                : (null, new Outcome(Result.InvalidPage, Field: target.Field, Problem: target.Problem));
        });

    private async Task<Outcome> SendAsync(string wallId, ClaimsPrincipal by, Func<WallReport, (WallCommand? Command, Outcome? Refused)> command)
    {
        var wall = (await ListAsync(by)).FirstOrDefault(w => w.Last.WallId == wallId);
        if (wall is null) return new Outcome(Result.UnknownWall);
        if (!wall.Online) return new Outcome(Result.Offline);
        var (sent, refused) = command(wall.Last);
        if (refused is not null) return refused;
        if (await Fleet.SendAsync(wallId, sent!) is null) return new Outcome(Result.UnknownWall);
        var what = sent!.Kind == WallCommandKind.Reload ? "wall.reload" : "wall.page";
        var page = sent.Kind == WallCommandKind.Reload ? "" : sent.Page is { } p ? $" page={p}" : $" layout={sent.Layout}";
        await audit.RecordAsync(by, what, $"{wallId} host={wall.Last.Host} area={wall.Last.AreaId}{page}");
        metrics.WallCommandSent(what);
        return new Outcome(Result.Sent, sent);
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
