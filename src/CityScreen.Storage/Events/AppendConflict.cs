using CityScreen.Contracts.Events;

namespace CityScreen.Storage.Events;

/// <summary>
/// An event of a request that contradicts what is stored, decided inside the append's transaction
/// so that two hosts cannot both win: <paramref name="Field"/> is the event's field at fault.
/// </summary>
public sealed record AppendConflict(int Index, string Field, string Reason)
{
    /// <summary>The source already stored an event with this id, with other content: a resend must be the same event.</summary>
    public static AppendConflict IdReused(int index, CityEvent sent) =>
        new(index, "id", $"'{sent.Source}' already sent an event '{sent.Id}' with different content; a resend must repeat it unchanged, a new event needs a new id");

    /// <summary>The case is bound to another leaf area (by its first step, possibly accepted by another host a moment ago).</summary>
    public static AppendConflict CaseElsewhere(int index, CityEvent sent, string boundArea) =>
        new(index, sent.GridId is not null ? "gridId" : "communityId", $"case '{sent.StepOfCase}' is in '{boundArea}', not '{sent.AreaId}'");
}
