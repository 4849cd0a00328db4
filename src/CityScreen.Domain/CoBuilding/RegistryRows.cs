namespace CityScreen.Domain.CoBuilding;

/// <summary>A need of the 需求清单 and where it stands: <c>open</c>, <c>matched</c> (a resource of its category is listed), <c>project</c> (a published project answers it), <c>done</c> (that project is completed).</summary>
public sealed record NeedRow(string NeedId, string AreaId, string Title, string Category, string Origin, DateTimeOffset ListedAt, string Status, IReadOnlyList<string> ProjectIds)
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "matched", "project", "done"];
}

/// <summary>A resource of the 资源清单, offered by a unit.</summary>
public sealed record ResourceRow(string ResourceId, string AreaId, string UnitId, string? UnitName, string Title, string Category, DateTimeOffset ListedAt);

/// <summary>A project of the 项目清单: its claimant (认领单位), status (<c>published</c>, <c>claimed</c>, <c>completed</c>) and residents' ratings.</summary>
public sealed record ProjectRow(
    string ProjectId, string AreaId, string? Title, DateTimeOffset? PublishedAt, IReadOnlyList<string> NeedIds, IReadOnlyList<string> ResourceIds,
    string? UnitId, string? UnitName, DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt, string Status, int Ratings, double? MeanScore)
{
    public static readonly IReadOnlyList<string> Statuses = ["published", "claimed", "completed"];
}

/// <summary>A resident unit (驻区单位) and its part in the community's projects.</summary>
public sealed record UnitRow(
    string UnitId, string AreaId, string Name, string Kind, DateTimeOffset RegisteredAt, DateTimeOffset? AgreementSignedAt, int? PartyMembers,
    int ProjectsClaimed, int ProjectsCompleted, double? MeanScore, string Status)
{
    /// <summary><c>agreement</c>: has signed a co-building agreement; <c>registered</c>: not yet.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["agreement", "registered"];
}
