using System.Security.Claims;
using CityScreen.Storage.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// Optional OpenID Connect sign-in (<c>/login/sso</c>). A successful sign-in becomes the same stored
/// session a password sign-in makes, with the role and area of the local account of that name; a
/// person without a local account is refused, so the provider alone never opens the city's data.
/// </summary>
public static class SingleSignOn
{
    public static AuthenticationBuilder AddCityScreenSingleSignOn(this AuthenticationBuilder authentication, IConfiguration config)
    {
        var options = config.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!options.Enabled) return authentication;
        if (string.IsNullOrWhiteSpace(options.ClientId))
            throw new InvalidOperationException($"{OidcOptions.Section}:ClientId is required when {OidcOptions.Section}:Authority is set");
        return authentication.AddOpenIdConnect(OidcOptions.Scheme, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.CallbackPath = "/signin-oidc";
            o.SignInScheme = CityScreenAuthenticationHandler.SchemeName;
            o.Scope.Clear();
            foreach (var scope in options.Scopes) o.Scope.Add(scope);
            // The provider redirects back with a top-level GET, which carries Lax cookies; the
            // default SameSite=None needs Secure and would break a wall network served over plain HTTP.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnTicketReceived = StartSessionAsync;
            o.Events.OnRemoteFailure = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>登录失败</title><p>统一身份认证未完成，请<a href=\"/login\">重新登录</a>。</p></html>");
            };
        });
    }

    /// <summary>Replaces the handler's own sign-in: the session is ours, stored, and survives restarts like any other.</summary>
    private static async Task StartSessionAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var name = context.Principal?.FindFirst(options.NameClaim)?.Value ?? context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var store = services.GetRequiredService<ISecurityStore>();
        context.HandleResponse();
        if (name is null || await store.FindAccountAsync(name, context.HttpContext.RequestAborted) is not { } account)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>无权访问</title><p>统一身份认证已通过，但本系统没有该账号，请联系管理员开通。</p></html>");
            return;
        }
        await SignInEndpoints.StartSessionAsync(context.HttpContext, account);
        context.Response.Redirect(SignInEndpoints.LocalOnly(context.ReturnUri));
    }
}
