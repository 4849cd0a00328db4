using CityScreen.Contracts.Events;

namespace CityScreen.Domain.CoBuilding;

/// <summary>
/// What a 共驻共建 event lists (a unit, need, resource or project) and what it refers to, for the
/// ingest check that a reference names a known item of the same community. A reference may arrive
/// before the item it names (upstream systems send their lists separately): an event that occurred
/// within <see cref="OutOfOrderWindow"/> of its ingestion may name an item not yet known, and the
/// ledgers reconcile the two whichever comes first; an older event must name items already known.
/// </summary>
public static class RegistryReferences
{
    /// <summary>How long a reference may wait for the item it names (24 hours, measured from the event's occurredAt).</summary>
    public static readonly TimeSpan OutOfOrderWindow = TimeSpan.FromHours(24);

    public const string Unit = "unit";
    public const string Need = "need";
    public const string Resource = "resource";
    public const string Project = "project";

    /// <summary>The item an event lists (registers), if any.</summary>
    public static (string Kind, string Id)? Lists(CityEvent e) => e.Type switch
    {
        EventTypes.UnitRegistered => (Unit, e.UnitId!),
        EventTypes.NeedListed => (Need, e.NeedId!),
        EventTypes.ResourceListed => (Resource, e.ResourceId!),
        EventTypes.ProjectPublished => (Project, e.ProjectId!),
        _ => null,
    };

    /// <summary>The items an event refers to, with the field (a JSON path below the item) that names each.</summary>
    public static IEnumerable<(string Kind, string Id, string Field)> RefersTo(CityEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.ResourceListed:
                yield return (Unit, e.UnitId!, "unitId");
                break;
            case EventTypes.ProjectPublished:
                for (var j = 0; j < (e.NeedIds?.Length ?? 0); j++) yield return (Need, e.NeedIds![j], $"needIds[{j}]");
                for (var j = 0; j < (e.ResourceIds?.Length ?? 0); j++) yield return (Resource, e.ResourceIds![j], $"resourceIds[{j}]");
                break;
            case EventTypes.ProjectClaimed:
                yield return (Project, e.ProjectId!, "projectId");
                yield return (Unit, e.UnitId!, "unitId");
                break;
            case EventTypes.ProjectCompleted:
                yield return (Project, e.ProjectId!, "projectId");
                if (e.UnitId is { } completedBy) yield return (Unit, completedBy, "unitId");
                break;
            case EventTypes.ProjectRated:
                yield return (Project, e.ProjectId!, "projectId");
                break;
            case EventTypes.MeetingHeld:
                for (var j = 0; j < (e.AttendeeUnits?.Length ?? 0); j++) yield return (Unit, e.AttendeeUnits![j], $"attendeeUnits[{j}]");
                break;
            case EventTypes.PointsAwarded or EventTypes.PointsRedeemed when e.UnitId is { } holder:
                yield return (Unit, holder, "unitId");
                break;
        }
    }

    /// <summary>May <paramref name="e"/> still name items not yet known, at ingestion time <paramref name="now"/>?</summary>
    public static bool MayWait(CityEvent e, DateTimeOffset now) => e.OccurredAt >= now - OutOfOrderWindow;

    public static string Key(string kind, string id) => $"{kind}:{id}";
}
