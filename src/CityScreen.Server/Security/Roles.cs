namespace CityScreen.Server.Security;

/// <summary>
/// Who may do what. Everyone reads within their area's subtree; only admins reach the internals
/// (tokens, keys, audit, recompute, the job dashboard).
/// </summary>
public static class Roles
{
    /// <summary>Manages tokens, keys and jobs; sees the whole city.</summary>
    public const string Admin = "admin";

    /// <summary>Runs the command centre's screens; sees the whole city or the area it is bound to.</summary>
    public const string Operator = "operator";

    /// <summary>A street, community or grid leader: the area's subtree and nothing else.</summary>
    public const string Leader = "leader";

    /// <summary>A wall display: read-only, the area's subtree.</summary>
    public const string Wall = "wall";

    /// <summary>Anonymous visitors when <c>CityScreen:Auth:AnonymousRead</c> allows them.</summary>
    public const string Anonymous = "anonymous";

    public static readonly IReadOnlyList<string> Assignable = [Admin, Operator, Leader, Wall];

    /// <summary>Leaders and walls exist for one area; an admin or operator without an area sees the whole city.</summary>
    public static bool NeedsArea(string role) => role is Leader or Wall;
}
