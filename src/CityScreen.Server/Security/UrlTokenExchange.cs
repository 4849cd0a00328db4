using CityScreen.Server.Apis;
using CityScreen.Storage.Security;
using Microsoft.AspNetCore.Http.Extensions;

namespace CityScreen.Server.Security;

/// <summary>
/// A wall is opened once at <c>/screen?token=…</c>. Left in the address, the token would sit in the
/// browser's history, the proxy's logs and every link the page copies; so a page request carrying
/// it is answered with the token moved into the HttpOnly session cookie and a redirect to the same
/// address without it. Only pages (GET, not the API, hub or Blazor's own paths), and only when no
/// valid session exists: a signed-in browser keeps its session and the token is just dropped.
/// </summary>
public static class UrlTokenExchange
{
    public const string Query = "token";

    public static IApplicationBuilder UseUrlTokenExchange(this IApplicationBuilder app) =>
        app.UseWhen(IsPageWithToken, branch => branch.Run(ExchangeAsync));

    private static bool IsPageWithToken(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Request.Query.ContainsKey(Query)
        && !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/hubs")
        && !http.Request.Path.StartsWithSegments("/_blazor");

    private static async Task ExchangeAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var store = services.GetRequiredService<ITokenStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var secret = http.Request.Query[Query].ToString();
        if (!await HasValidSessionAsync(http, store, now))
        {
            var throttle = services.GetRequiredService<SignInThrottle>();
            var client = http.Connection.RemoteIpAddress;
            if (throttle.RetryAfter(null, client) is { } wait)
            {
                await ApiProblems.TooManyRequests(http.Response, SignInThrottle.Seconds(wait),
                    "Too many wrong tokens from this address; try again later.").ExecuteAsync(http);
                return;
            }
            var token = secret.Length is > 0 and <= 200 ? await store.FindTokenBySecretHashAsync(Secrets.Sha256(secret), http.RequestAborted) : null;
            if (token is not null && token.IsValidAt(now)) SetCookie(http, secret, token, now);
            // A wrong token is dropped from the address too; the page then asks for a sign-in as without one.
            else throttle.Failed(null, client);
        }
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Redirect(WithoutToken(http.Request));
    }

    private static async Task<bool> HasValidSessionAsync(HttpContext http, ITokenStore store, DateTimeOffset now) =>
        http.Request.Cookies[CityScreenAuthenticationHandler.TokenCookie] is { Length: > 0 and <= 200 } cookie
        && await store.FindTokenBySecretHashAsync(Secrets.Sha256(cookie), http.RequestAborted) is { } session
        && session.IsValidAt(now);

    /// <summary>
    /// The wall keeps the token in its cookie, so reloads, drill-down clicks and reconnects after a
    /// server restart stay signed in; the cookie ends when the token does. Lax, not Strict: a wall
    /// link opened from another site (a chat, a mail) is a cross-site chain, and the redirect must carry it.
    /// </summary>
    private static void SetCookie(HttpContext http, string secret, AccessToken token, DateTimeOffset now) =>
        http.Response.Cookies.Append(CityScreenAuthenticationHandler.TokenCookie, secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = token.ExpiresAt is { } expires && expires - now < MaxCookieAge ? expires - now : MaxCookieAge,
        });

    // The longest browsers keep a cookie.
    private static readonly TimeSpan MaxCookieAge = TimeSpan.FromDays(400);

    private static string WithoutToken(HttpRequest request)
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key != Query).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        return request.PathBase + request.Path + query.ToQueryString();
    }
}
