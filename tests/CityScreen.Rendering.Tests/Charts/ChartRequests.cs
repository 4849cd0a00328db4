using CityScreen.Rendering.Charts;

namespace CityScreen.Rendering.Tests.Charts;

internal static class ChartRequests
{
    private static readonly DateTime Now = new(2025, 11, 22, 14, 0, 0, DateTimeKind.Local);

    public static TrendChartRequest Hourly()
    {
        var times = Enumerable.Range(0, 24).Select(i => Now.AddHours(i - 23)).ToList();
        var reported = times.Select(t => (double)(10 + t.Hour % 7 * 3)).ToList();
        var closed = reported.Select(v => v - 4).ToList();
        return new TrendChartRequest("近24小时案件趋势", times, [new("上报", reported, "#22d3ee"), new("结案", closed, "#f5b942")], 600, 360, "HH:mm");
    }

    public static CategoryChartRequest Categories() => new(
        "案件类别排行",
        [
            ("市容环境", 412), ("街面秩序", 356), ("宣传广告", 120), ("设施管理", 298), ("房屋管理", 87), ("突发事件", 12),
            ("施工管理", 143), ("小区管理", 176), ("河道水务", 44), ("绿化林业", 65), ("交通设施", 230), ("其他", 3),
        ],
        600,
        480);
}
