using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Departments;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Rendering.Charts;
using CityScreen.Server.Apis;
using CityScreen.Server.Cases;
using CityScreen.Server.Feed;
using Microsoft.AspNetCore.Components;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// A department's work in an area, for leaders (吹哨报到): DP01–DP07 with the counts behind them,
/// the summons and on-time arrivals per day, the whistles that summoned it (filtered, exported as
/// CSV by <c>GET /api/departments/{id}/cases</c>) and the streets' ratings. The area is
/// <c>?area=</c>, else the viewer's scope root; an area outside the scope answers as unknown.
/// </summary>
public partial class ExploreDepartment : ComponentBase, IDisposable
{
    private Area? _area;
    private Department? _department;
    private Security.AreaScope? _scope;
    private IndicatorSnapshot? _snapshot;
    private List<DepartmentCaseRow> _cases = [];
    private IReadOnlyList<DepartmentCaseRow> _allCases = [];
    private IReadOnlyList<DepartmentRatingRow> _ratings = [];
    private string _status = "";
    private bool _lateOnly;
    private DateOnly? _from, _to;
    private IDisposable? _watch;

    [Parameter] public string DepartmentId { get; set; } = "";
    [SupplyParameterFromQuery(Name = "area")] public string? AreaQuery { get; set; }
    /// <summary>The trend's span: 30 days (default) or 90.</summary>
    [SupplyParameterFromQuery(Name = "days")] public int? DaysQuery { get; set; }

    [Inject] public required AreaTree Tree { get; init; }
    [Inject] public required ScreenFeed Feed { get; init; }
    [Inject] public required DepartmentDirectory Directory { get; init; }
    [Inject] public required DepartmentWorkService Work { get; init; }
    [Inject] public required IChartRenderer Charts { get; init; }
    [Inject] public required CityClock Clock { get; init; }
    [Inject] public required Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Authentication { get; init; }

    private int Days => DaysQuery == 90 ? 90 : 30;

    private IndicatorDto.DepartmentValues Values => IndicatorDto.Department(_snapshot?.Values.Departments.GetValueOrDefault(DepartmentId));

    protected override async Task OnParametersSetAsync()
    {
        _watch?.Dispose();
        var scope = _scope = Security.AreaScope.For((await Authentication.GetAuthenticationStateAsync()).User, Tree);
        _department = Directory.TryGet(DepartmentId, out var d) ? d : null;
        var wanted = AreaQuery ?? scope?.Root.Id;
        _area = wanted is not null && scope?.Contains(wanted) == true && Tree.TryGet(wanted, out var a) ? a : null;
        if (_area is null || _department is null) return;
        _snapshot = await Feed.GetOrFetchAsync(_area.Id, fresh: false);
        _watch = Feed.Watch(_area.Id, s => { _snapshot = s; _ = InvokeAsync(StateHasChanged); });
        _allCases = await Work.CasesAsync(_area, _department.Id, DepartmentCaseQuery.All);
        _ratings = await Work.RatingsAsync(_area, _department.Id);
        await LoadCasesAsync();
    }

    private async Task LoadCasesAsync()
    {
        if (_area is null || _department is null) return;
        _cases = [.. await Work.CasesAsync(_area, _department.Id, Query())];
    }

    private DepartmentCaseQuery Query() =>
        new(CaseVocabulary.TryParse<CaseStatus>(_status, out var status) ? status : null, _lateOnly, _from, _to);

    private string PageUrl(string areaId, int? days = null) =>
        $"/explore/department/{Uri.EscapeDataString(DepartmentId)}?area={Uri.EscapeDataString(areaId)}{(days is { } n ? $"&days={n}" : "")}";

    private string CasesUrl(string format)
    {
        var q = Query();
        var parts = new List<string> { $"areaId={Uri.EscapeDataString(_area!.Id)}", $"format={format}" };
        if (q.Status is { } s) parts.Add($"status={s.ToJsonName()}");
        if (q.LateOnly) parts.Add("late=true");
        if (q.From is { } f) parts.Add($"from={f:yyyy-MM-dd}");
        if (q.To is { } t) parts.Add($"to={t:yyyy-MM-dd}");
        return $"/api/departments/{Uri.EscapeDataString(DepartmentId)}/cases?{string.Join('&', parts)}";
    }

    /// <summary>Summoned and arrived-on-time per day, from the whistles listed (the store's history, replayed once per grid version).</summary>
    private string TrendSvg()
    {
        var daily = Work.Daily(_allCases, Days);
        return Charts.RenderTrendSvg(new TrendChartRequest($"近{Days}天 被吹哨与按时报到（次）",
            [.. daily.Select(x => x.Day.ToDateTime(TimeOnly.MinValue))],
            [new TrendSeries("被吹哨", [.. daily.Select(x => (double)x.Summoned)], "#22d3ee"), new TrendSeries("按时报到", [.. daily.Select(x => (double)x.OnTime)], "#fbbf24")],
            760, 280, "MM-dd", Steps: true));
    }

    /// <summary>A department indicator as the page shows it: rates in percent, means with one decimal.</summary>
    internal static string Format(DepartmentIndicator d, double? value) => value switch
    {
        null => "—",
        { } v when d.Kind == IndicatorKind.Rate => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v when d.Kind == IndicatorKind.Mean => v.ToString("0.0", CultureInfo.InvariantCulture) + " " + d.Unit,
        { } v => v.ToString("0", CultureInfo.InvariantCulture) + " " + d.Unit,
    };

    private static string Detail(DepartmentIndicator d, IndicatorDto.RateCounts c) => d.Kind == IndicatorKind.Rate
        ? $"{c.Numerator.ToString(CultureInfo.InvariantCulture)} / {c.Denominator.ToString(CultureInfo.InvariantCulture)}"
        : $"共 {c.Denominator.ToString(CultureInfo.InvariantCulture)} {(d.Id == "DP07" ? "次评价" : "次报到")}";

    private string Time(DateTimeOffset? t) => t is { } v ? Clock.ToLocal(v).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static string Status(CaseStatus s) => s switch
    {
        CaseStatus.Open => "在办",
        CaseStatus.Closed => "已结案",
        CaseStatus.Rejected => "不予立案",
        _ => "待立案",
    };

    public void Dispose() => _watch?.Dispose();
}
