namespace CityScreen.Contracts.Indicators;

/// <summary>
/// The additive state of one area at one moment: counters, hourly and daily buckets and category
/// counts. <see cref="HourAnchor"/> is the start of the newest hourly bucket (UTC) and
/// <see cref="DayAnchor"/> the local date of the newest daily bucket; sums align on them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorValues
{
    public const int Hours = 48;
    public const int Days = 30;

    [Id(0)] public required long[] Counters { get; init; }
    [Id(1)] public required DateTimeOffset HourAnchor { get; init; }
    [Id(2)] public required DateOnly DayAnchor { get; init; }
    [Id(3)] public required int[] ReportedHourly { get; init; }
    [Id(4)] public required int[] ClosedHourly { get; init; }
    [Id(5)] public required int[] ReportedDaily { get; init; }
    [Id(6)] public required int[] ClosedDaily { get; init; }
    /// <summary>Cases reported today per category, in the order of <c>CaseVocabulary.Categories</c>.</summary>
    [Id(7)] public required int[] CategoriesToday { get; init; }
    [Id(8)] public required int[] Categories30 { get; init; }
    /// <summary>
    /// Per department id, its counters in this area, indexed by <see cref="DepartmentCounter"/>; a
    /// department that did no work here in 30 days has no entry.
    /// </summary>
    [Id(9)] public Dictionary<string, long[]> Departments { get; init; } = [];
    /// <summary>The newest open whistles in this area (at most <see cref="OpenWhistle.MaxPerArea"/>), newest first.</summary>
    [Id(10)] public OpenWhistle[] OpenWhistles { get; init; } = [];
    /// <summary>
    /// A leaf's members serving in 30 days and its registered roster (sorted ids), so that its
    /// community counts each person once however many grids they serve (PM01); empty above the
    /// leaves, never shown.
    /// </summary>
    [Id(11)] public string[] ServingMembers { get; init; } = [];
    [Id(12)] public string[] RosterMembers { get; init; } = [];
    /// <summary>
    /// Per resident unit id, its counters in this area, indexed by <see cref="UnitCounter"/> (a unit with
    /// no project this year has no entry), and the units' names as registered, for the 共建单位 ranking.
    /// </summary>
    [Id(13)] public Dictionary<string, long[]> Units { get; init; } = [];
    [Id(14)] public Dictionary<string, string> UnitNames { get; init; } = [];
    /// <summary>
    /// The area's top contributors of 爱心积分 (at most <see cref="LovePointCounters.Kept"/>) by person id,
    /// their counters indexed by <see cref="LovePointCounter"/>, and their names as known upstream,
    /// already masked (张*): a full name never leaves the leaf that knows it.
    /// </summary>
    [Id(15)] public Dictionary<string, long[]> LovePoints { get; init; } = [];
    [Id(16)] public Dictionary<string, string> LovePointNames { get; init; } = [];
    /// <summary>Per service site of the area, when it last served people (<c>site.served</c>, 30 days): the map's site layer pulses the fresh ones.</summary>
    [Id(17)] public Dictionary<string, DateTimeOffset> SitesServedAt { get; init; } = [];

    public long this[Counter counter] => Counters[(int)counter];
}
