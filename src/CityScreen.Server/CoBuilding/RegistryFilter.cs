using System.Globalization;
using CityScreen.Areas;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Time;

namespace CityScreen.Server.CoBuilding;

/// <summary>
/// The filters of a community's lists, written once for <c>GET /api/areas/{id}/needs|resources|projects|units</c>
/// and the leaders' lists on <c>/explore/{communityId}</c> (which export through those APIs with
/// <see cref="QueryString"/>): a grid sees its own rows, a community all of its leaves'; <see cref="Status"/>,
/// <see cref="Unit"/> and the local dates <see cref="From"/>/<see cref="To"/> (listed, published or registered).
/// </summary>
public sealed record RegistryFilter(Area Area, string? Status = null, string? Unit = null, DateOnly? From = null, DateOnly? To = null)
{
    public IEnumerable<NeedRow> Needs(CommunityRegistry r, CityClock clock) =>
        r.Needs().Where(n => InArea(n.AreaId) && (Status is null || n.Status == Status) && InDates(n.ListedAt, clock));

    public IEnumerable<ResourceRow> Resources(CommunityRegistry r, CityClock clock) =>
        r.Resources().Where(x => InArea(x.AreaId) && (Unit is null || x.UnitId == Unit) && InDates(x.ListedAt, clock));

    public IEnumerable<ProjectRow> Projects(CommunityRegistry r, CityClock clock) =>
        r.Projects().Where(p => InArea(p.AreaId) && (Status is null || p.Status == Status) && (Unit is null || p.UnitId == Unit)
            && InDates(p.PublishedAt ?? p.ClaimedAt, clock));

    public IEnumerable<UnitRow> Units(CommunityRegistry r, CityClock clock) =>
        r.Units().Where(u => InArea(u.AreaId) && (Status is null || u.Status == Status) && (Unit is null || u.UnitId == Unit) && InDates(u.RegisteredAt, clock));

    /// <summary>The same filters as a query string for the list's API, with <paramref name="format"/> (<c>csv</c> to export).</summary>
    public string QueryString(string format)
    {
        var parts = new List<string> { $"format={format}" };
        if (Status is { } s) parts.Add($"status={Uri.EscapeDataString(s)}");
        if (Unit is { } u) parts.Add($"unit={Uri.EscapeDataString(u)}");
        if (From is { } f) parts.Add(string.Create(CultureInfo.InvariantCulture, $"from={f:yyyy-MM-dd}"));
        if (To is { } t) parts.Add(string.Create(CultureInfo.InvariantCulture, $"to={t:yyyy-MM-dd}"));
        return string.Join('&', parts);
    }

    private bool InArea(string areaId) => Area.Level == AreaLevel.Community || areaId == Area.Id;

    private bool InDates(DateTimeOffset? at, CityClock clock) =>
        (From is null && To is null) || (at is { } t && (From is null || clock.LocalDate(t) >= From) && (To is null || clock.LocalDate(t) <= To));
}
