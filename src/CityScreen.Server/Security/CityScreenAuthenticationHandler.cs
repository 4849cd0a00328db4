using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using CityScreen.Server.Apis;
using CityScreen.Storage.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// One scheme for every way in: <c>Authorization: Bearer</c> (tokens), <c>Authorization: Basic</c>
/// (local accounts), <c>?access_token=</c> on the hub (browsers cannot set headers on WebSockets),
/// the session cookie (set by <c>/login</c> or by a page's <c>?token=</c>, see <see cref="UrlTokenExchange"/>),
/// and — only when configured — an anonymous reader. Every check reads the store, so a revoked token
/// stops working at its next request and a stored one keeps working across restarts. Wrong
/// passwords and tokens count against <see cref="SignInThrottle"/>, which is asked before any hash is computed.
/// </summary>
public sealed class CityScreenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ISecurityStore store,
    IOptionsMonitor<AuthOptions> auth,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CityScreen";
    public const string TokenCookie = "cityscreen_token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return await FromGuessableTokenAsync(header[7..].Trim());
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return await FromBasicAsync(header[6..].Trim());
        if (header.Length > 0)
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <token>' or 'Basic <name:password>'.");

        if (Request.Path.StartsWithSegments("/hubs") && Request.Query["access_token"].ToString() is { Length: > 0 } hubToken)
            return await FromGuessableTokenAsync(hubToken);
        // A page's ?token= never gets here: UrlTokenExchange has turned it into the cookie.
        if (Request.Cookies[TokenCookie] is { Length: > 0 } cookieToken)
        {
            var result = await FromTokenAsync(cookieToken, "cookie");
            if (result.Succeeded) return result;
            // A revoked or expired session falls back to what an anonymous visitor may do.
            Response.Cookies.Delete(TokenCookie);
        }
        return Anonymous();
    }

    /// <summary>A token a client sent on its own: a wrong one counts against the client's failure limit.</summary>
    private async Task<AuthenticateResult> FromGuessableTokenAsync(string secret)
    {
        var client = Context.Connection.RemoteIpAddress;
        if (Throttled(null) is { } blocked) return blocked;
        var result = await FromTokenAsync(secret, "bearer");
        if (!result.Succeeded) Throttle.Failed(null, client);
        return result;
    }

    private async Task<AuthenticateResult> FromTokenAsync(string secret, string credential)
    {
        if (secret.Length > 200) return AuthenticateResult.Fail("The token is not valid.");
        var token = await store.FindTokenBySecretHashAsync(Secrets.Sha256(secret), Context.RequestAborted);
        if (token is null || !token.IsValidAt(time.GetUtcNow())) return AuthenticateResult.Fail("The token is not valid, revoked or expired.");
        return Success(token.Name, token.Role, token.AreaId, credential, token.Id, null);
    }

    private async Task<AuthenticateResult> FromBasicAsync(string encoded)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("The Basic credentials are not base64.");
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0 || decoded.Length > 400) return AuthenticateResult.Fail("The Basic credentials must be name:password.");
        var name = decoded[..colon];
        if (Throttled(name) is { } blocked) return blocked;
        var account = await store.FindAccountAsync(name, Context.RequestAborted);
        if (!Secrets.VerifySignIn(decoded[(colon + 1)..], account))
        {
            Throttle.Failed(name, Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Unknown account or wrong password.");
        }
        return Success(account!.Name, account.Role, account.AreaId, "basic", null, Secrets.CredentialStamp(account.PasswordHash));
    }

    private SignInThrottle Throttle => Context.RequestServices.GetRequiredService<SignInThrottle>();

    /// <summary>A failure that the challenge turns into 429 with Retry-After, when the account or this client has failed too often.</summary>
    private AuthenticateResult? Throttled(string? accountName)
    {
        if (Throttle.RetryAfter(accountName, Context.Connection.RemoteIpAddress) is not { } wait) return null;
        Context.Items[RetryAfterItem] = SignInThrottle.Seconds(wait);
        return AuthenticateResult.Fail("Too many failed sign-ins.");
    }

    private const string RetryAfterItem = "cityscreen:retry-after";

    private AuthenticateResult Anonymous()
    {
        if (auth.CurrentValue.AnonymousScope() is not { } area) return AuthenticateResult.NoResult();
        return Success("", Roles.Anonymous, area.Length == 0 ? null : area, "anonymous", null, null);
    }

    private static AuthenticateResult Success(string name, string role, string? areaId, string credential, string? tokenId, string? stamp)
    {
        var claims = new List<Claim> { new(ClaimTypes.Role, role), new(CityScreenClaims.Credential, credential) };
        if (name.Length > 0) claims.Add(new Claim(ClaimTypes.Name, name));
        if (!string.IsNullOrEmpty(areaId)) claims.Add(new Claim(CityScreenClaims.Area, areaId));
        if (tokenId is not null) claims.Add(new Claim(CityScreenClaims.TokenId, tokenId));
        if (stamp is not null) claims.Add(new Claim(CityScreenClaims.Stamp, stamp));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, credential, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>A person at a browser gets the sign-in page; a program gets 401 problem details saying what to send.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is int retry)
        {
            await ApiProblems.TooManyRequests(Response, retry,
                $"Too many failed sign-ins for this account or from this address; try again after {retry} s.").ExecuteAsync(Context);
            return;
        }
        if (WantsPage())
        {
            Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString.Value?.Replace("token=", "stale=")));
            return;
        }
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // Basic only for programs: a browser would ask for a password and then send it with every
        // request to this site, also with a form another site posts here.
        Response.Headers.WWWAuthenticate = IsBrowser() ? "Bearer" : "Bearer, Basic realm=\"CityScreen\", charset=\"UTF-8\"";
        await Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = 401,
            Title = failure is null ? "Authentication required" : "Invalid credentials",
            Detail = failure ?? "Send 'Authorization: Bearer <token>' or 'Authorization: Basic <name:password>'.",
        }, options: null, contentType: "application/problem+json");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (WantsPage())
        {
            Response.ContentType = "text/html; charset=utf-8";
            await Response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>无权访问</title><p>当前身份无权访问此页面。<a href=\"/login\">切换账号</a></p></html>");
            return;
        }
        await Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = 403, Title = "Forbidden", Detail = "This identity may not do this; it needs the admin role.",
        }, options: null, contentType: "application/problem+json");
    }

    /// <summary>Every current browser sends Sec-Fetch-Mode; older ones say Mozilla.</summary>
    private bool IsBrowser() =>
        Request.Headers.ContainsKey("Sec-Fetch-Mode") || Request.Headers.UserAgent.ToString().StartsWith("Mozilla/", StringComparison.Ordinal);

    private bool WantsPage() =>
        HttpMethods.IsGet(Request.Method) && !Request.Path.StartsWithSegments("/api") && !Request.Path.StartsWithSegments("/hubs")
        && !Request.Path.StartsWithSegments("/_blazor") && Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
}
