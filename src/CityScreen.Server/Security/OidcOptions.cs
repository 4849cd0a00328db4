namespace CityScreen.Server.Security;

/// <summary>
/// Configuration section <c>CityScreen:Auth:Oidc</c>: single sign-on with a city's identity
/// provider. Off unless <c>Authority</c> is set. The provider proves who someone is; CityScreen
/// decides what they see: the local account of the same name gives the role and the area.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = AuthOptions.Section + ":Oidc";
    public const string Scheme = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }

    /// <summary>Give it through the environment (<c>CityScreen__Auth__Oidc__ClientSecret</c>), never in a file of the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim holding the name that matches a local account.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    public string[] Scopes { get; set; } = ["openid", "profile"];

    /// <summary>Only for a provider on this machine in tests; a real provider is reached over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The text of the sign-in page's button.</summary>
    public string DisplayName { get; set; } = "统一身份认证登录";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
