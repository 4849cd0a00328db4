namespace CityScreen.Domain.Ledger;

/// <summary>The windows of docs/domain.md §3 at one instant: today (since local midnight), rolling 30 days, this year.</summary>
public readonly record struct Window(DateTimeOffset Now, DateTimeOffset TodayStart, DateTimeOffset YearStart)
{
    public static readonly TimeSpan ThirtyDays = TimeSpan.FromDays(30);

    public DateTimeOffset Start30 => Now - ThirtyDays;

    public bool IsToday(DateTimeOffset t) => t >= TodayStart && t <= Now;

    /// <summary>In the rolling window (now − 30 d, now].</summary>
    public bool In30(DateTimeOffset t) => t > Start30 && t <= Now;

    public bool InYear(DateTimeOffset t) => t >= YearStart && t <= Now;
}
