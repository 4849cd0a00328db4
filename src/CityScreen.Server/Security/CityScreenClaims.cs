using System.Security.Claims;

namespace CityScreen.Server.Security;

/// <summary>The claims a CityScreen identity carries beyond name and role.</summary>
public static class CityScreenClaims
{
    /// <summary>The root of the subtree the identity may see; absent for the whole city.</summary>
    public const string Area = "cityscreen:area";

    /// <summary>How the identity proved itself: bearer, basic, query, cookie, anonymous.</summary>
    public const string Credential = "cityscreen:credential";

    /// <summary>The id of the token or session used, to revoke it.</summary>
    public const string TokenId = "cityscreen:token";

    /// <summary>For a password sign-in: the account's credential stamp (<see cref="Secrets.CredentialStamp"/>) at the time.</summary>
    public const string Stamp = "cityscreen:stamp";

    public static string? AreaOf(this ClaimsPrincipal user) => user.FindFirst(Area)?.Value;

    public static string Who(this ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name ? $"{name} ({user.FindFirst(ClaimTypes.Role)?.Value}, {user.FindFirst(Credential)?.Value})" : "anonymous";
}
