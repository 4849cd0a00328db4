namespace CityScreen.Server.Security;

/// <summary>Configuration section <c>CityScreen:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "CityScreen:Auth";

    /// <summary>
    /// Off unless configured: <c>true</c> lets anyone read the whole city, an area id lets anyone
    /// read that area's subtree (a public screen). Never more than reading.
    /// </summary>
    public string? AnonymousRead { get; set; }

    public AdminOptions Admin { get; set; } = new();

    /// <summary>Password sign-ins one client address may attempt per minute at <c>/login</c> (each costs a PBKDF2 hash).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Wrong passwords (HTTP Basic or <c>/login</c>) one account may receive per <see cref="FailureWindow"/>,
    /// from any client; beyond it the account answers 429 with <c>Retry-After</c> until the window has passed.
    /// </summary>
    public int FailedSignInsPerAccount { get; set; } = 10;

    /// <summary>Wrong passwords, tokens or token cookies one client address may send per <see cref="FailureWindow"/>, whatever names it tries.</summary>
    public int FailedSignInsPerClient { get; set; } = 50;

    /// <summary>The sliding window the failure limits count in.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an open hub connection or Blazor circuit is checked against the store (revoked, expired, account removed, password changed).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a signed-in browser session lasts.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public sealed class AdminOptions
    {
        /// <summary>Presets the password of the <c>admin</c> account; without it one is generated at the first start and printed once.</summary>
        public string? Password { get; set; }
    }

    /// <summary>The area root anonymous readers get: null when anonymous reading is off, "" for the whole city.</summary>
    public string? AnonymousScope() => AnonymousRead?.Trim() switch
    {
        null or "" => null,
        var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) => null,
        var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) => "",
        var v => v,
    };
}
