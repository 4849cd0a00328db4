using CityScreen.Contracts.Events;

namespace CityScreen.Jobs.Tests;

/// <summary>Builds activities (docs/domain.md §2, Activities) in one grid.</summary>
internal static class Activities
{
    public static CityEvent Checkin(string id, string grid, DateTimeOffset at, string member) => new()
    {
        Id = id, Type = EventTypes.MemberCheckin, OccurredAt = at, GridId = grid, Source = "test", MemberId = member, UnitId = "u1",
    };

    public static CityEvent Volunteer(string id, string grid, DateTimeOffset at, double hours, string? member = null) => new()
    {
        Id = id, Type = EventTypes.VolunteerLogged, OccurredAt = at, GridId = grid, Source = "test", Hours = hours,
        MemberId = member, TeamId = member is null ? "t1" : null,
    };

    public static CityEvent Meeting(string id, string grid, DateTimeOffset at) => new()
    {
        Id = id, Type = EventTypes.MeetingHeld, OccurredAt = at, GridId = grid, Source = "test", OrgId = grid + "-dzb", MeetingKind = "主题党日",
    };

    public static CityEvent Claimed(string id, string area, DateTimeOffset at, string project, bool community = false) => new()
    {
        Id = id, Type = EventTypes.ProjectClaimed, OccurredAt = at, Source = "test", ProjectId = project, UnitId = "u1",
        GridId = community ? null : area, CommunityId = community ? area : null,
    };

    public static CityEvent Completed(string id, string area, DateTimeOffset at, string project, bool community = false) => new()
    {
        Id = id, Type = EventTypes.ProjectCompleted, OccurredAt = at, Source = "test", ProjectId = project,
        GridId = community ? null : area, CommunityId = community ? area : null,
    };
}
