namespace CityScreen.Domain.Cases;

/// <summary>
/// One whistle (吹哨) on a case: when it was blown, how long each summoned department has to arrive
/// (报到), and each department's arrival: its first <c>case.responded</c> at or after the whistle.
/// <see cref="NamesDepartments"/> is false for a <c>case.dispatched</c> whistle naming its department
/// in free text: it counts in WB01 but in no department's counters.
/// </summary>
public sealed record CaseWhistle(DateTimeOffset At, TimeSpan Limit, IReadOnlyList<Summons> Summoned, bool NamesDepartments = true)
{
    /// <summary>The last instant an arrival is on time.</summary>
    public DateTimeOffset Deadline => At + Limit;
}

/// <summary>One department summoned by a whistle, and when it arrived (null: not yet).</summary>
public readonly record struct Summons(string Department, DateTimeOffset? ArrivedAt);

/// <summary>A time a case was suspended (挂账): from <c>case.suspended</c> to <c>case.resumed</c> (null: still suspended).</summary>
public readonly record struct Suspension(DateTimeOffset From, DateTimeOffset? To);
