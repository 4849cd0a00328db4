using CityScreen.Contracts.Events;

namespace CityScreen.Simulator;

/// <summary>
/// What waits in the simulator's queue: the next step of an open case (kept as its key; the plan is drawn
/// again when it falls due), or an event already built that is released at its time (a late one, an
/// activity of the current minute, a project completion).
/// </summary>
internal readonly record struct Pending(long CaseKey, long ReportedTicks, int Step, CityEvent? Ready)
{
    public static Pending CaseStep(long caseKey, long reportedTicks, int step) => new(caseKey, reportedTicks, step, null);

    public static Pending Release(CityEvent e) => new(0, 0, 0, e);
}

/// <summary>
/// Queue order: time first, then a tag and key unique to the item, so items at the same tick come out in
/// the same order however the time was advanced.
/// </summary>
internal readonly record struct PendingOrder(long Ticks, int Tag, long Key) : IComparable<PendingOrder>
{
    public const int CaseStep = 0, LateCaseStep = 16, Activity = 32, ProjectCompletion = 48, DepartmentRating = 64;

    public int CompareTo(PendingOrder other)
    {
        var c = Ticks.CompareTo(other.Ticks);
        if (c == 0) c = Tag.CompareTo(other.Tag);
        return c != 0 ? c : Key.CompareTo(other.Key);
    }
}
