using System.Net;
using CityScreen.Server.Apis;
using CityScreen.Storage.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// <c>/login</c> and <c>/logout</c> for local accounts: a plain form with an antiforgery token; a
/// successful sign-in becomes a stored session (its secret in an HttpOnly cookie), so it survives
/// a server restart and can be ended by deleting it.
/// </summary>
public static class SignInEndpoints
{
    private const int MaxField = 200;

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) => Form(http, antiforgery, returnUrl, null, 200)).AllowAnonymous();
        app.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy);
        app.MapPost("/logout", SignOutAsync).AllowAnonymous();
        app.MapGet("/login/sso", (string? returnUrl, IOptions<OidcOptions> oidc) => oidc.Value.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OidcOptions.Scheme])
            : ApiProblems.NotFound("Single sign-on is not configured", $"Set {OidcOptions.Section}:Authority and ClientId.")).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext http, IAntiforgery antiforgery, ISecurityStore store, SignInThrottle throttle)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || name.Length > MaxField || password.Length > MaxField)
            return Form(http, antiforgery, returnUrl, "请输入用户名和密码。", 400);
        var client = http.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(name, client) is { } wait)
        {
            var seconds = SignInThrottle.Seconds(wait);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Form(http, antiforgery, returnUrl, $"登录失败次数过多，请 {seconds} 秒后再试。", 429);
        }
        var account = await store.FindAccountAsync(name, http.RequestAborted);
        if (!Secrets.VerifySignIn(password, account))
        {
            throttle.Failed(name, client);
            return Form(http, antiforgery, returnUrl, "用户名或密码错误。", 401);
        }

        await StartSessionAsync(http, account!);
        return Results.Redirect(LocalOnly(returnUrl));
    }

    /// <summary>A stored session for the account, its secret in an HttpOnly cookie.</summary>
    public static async Task StartSessionAsync(HttpContext http, Account account)
    {
        var services = http.RequestServices;
        var secret = Secrets.NewSecret("css_");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<AuthOptions>>().Value.SessionLifetime;
        await services.GetRequiredService<ITokenStore>().AddTokenAsync(
            new AccessToken(Secrets.NewId(), "session", account.Name, account.Role, account.AreaId, Secrets.Sha256(secret), now, now + lifetime, null), http.RequestAborted);
        // Lax, not Strict: the identity provider's redirect back is a cross-site navigation that must carry it.
        http.Response.Cookies.Append(CityScreenAuthenticationHandler.TokenCookie, secret, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = lifetime,
        });
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, ITokenStore tokens, TimeProvider time)
    {
        // No form token needed: the cookies are SameSite (Lax or Strict), so another site cannot post with them.
        if (http.User.FindFirst(CityScreenClaims.TokenId)?.Value is { } id && http.User.FindFirst(CityScreenClaims.Credential)?.Value == "cookie")
            await tokens.RevokeTokenAsync(id, time.GetUtcNow(), http.RequestAborted);
        http.Response.Cookies.Delete(CityScreenAuthenticationHandler.TokenCookie);
        return Results.Redirect("/login");
    }

    /// <summary>Only a path on this site: an open redirect would let a link send a signed-in leader elsewhere.</summary>
    public static string LocalOnly(string? url) =>
        url is { Length: > 0 and < 2000 } && url[0] == '/' && Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(url) ? url : "/screen";

    private static string? Sso(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value is { Enabled: true } o ? o.DisplayName : null;

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>登录 · CityScreen 指挥大屏</title>
            <style>body{"{"}font-family:sans-serif;background:#061a33;color:#e6f0ff;display:flex;justify-content:center;padding-top:12vh{"}"}
            form{"{"}background:#0b2a52;padding:2em;border-radius:8px;min-width:18em{"}"}label{"{"}display:block;margin:.8em 0 .3em{"}"}
            input{"{"}width:100%;padding:.4em{"}"}button{"{"}margin-top:1.2em;padding:.5em 2em{"}"}.error{"{"}color:#ff7b7b{"}"}</style></head>
            <body>
            <form method="post" action="/login">
              <h1>登录指挥大屏</h1>
              {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
              <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{E(LocalOnly(returnUrl))}">
              <label for="name">用户名</label><input id="name" name="name" autocomplete="username" maxlength="{MaxField}" required>
              <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" maxlength="{MaxField}" required>
              <button type="submit">登录</button>
              {(Sso(http) is { } sso ? $"<p><a href=\"/login/sso?returnUrl={Uri.EscapeDataString(LocalOnly(returnUrl))}\">{E(sso)}</a></p>" : "")}
            </form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
