using CityScreen.Server.Apis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>Access control in the host: identities, policies, limits, headers and the admin account.</summary>
public static class SecurityConfiguration
{
    /// <summary>Larger than any ingest body (which has its own, clearer 413), small enough that no request can exhaust memory.</summary>
    private const long DefaultMaxRequestBodyBytes = 8 * 1024 * 1024;

    public static WebApplicationBuilder AddCityScreenSecurity(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.Admin.Password is not { Length: > 0 } p || PasswordPolicy.Problem(p) is null,
                $"{AuthOptions.Section}:Admin:Password is too weak: {PasswordPolicy.Problem("")}")
            .Validate(o => o.FailedSignInsPerAccount >= 1 && o.FailedSignInsPerClient >= 1 && o.FailureWindow > TimeSpan.Zero,
                $"{AuthOptions.Section}: FailedSignInsPerAccount and FailedSignInsPerClient must be at least 1, FailureWindow positive")
            .Validate(o => o.RevalidationInterval > TimeSpan.Zero, $"{AuthOptions.Section}:RevalidationInterval must be positive")
            .ValidateOnStart();

        // The stores (ISecurityStore and its parts) come with the others from AddCityScreenStorage.
        services.AddSingleton<Audit>();
        services.AddSingleton<IngestKeys>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<CredentialCheck>();
        services.AddSingleton<OpenScreens>();
        services.AddHostedService<OpenScreenRevalidation>();
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
        services.AddScoped<CircuitHandler, CircuitRegistration>();
        services.AddHostedService<AdminAccountBootstrap>();

        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section);
        services.AddAuthentication(CityScreenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CityScreenAuthenticationHandler>(CityScreenAuthenticationHandler.SchemeName, null)
            .AddCityScreenSingleSignOn(config);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.Admin, Roles.Operator));
        services.AddCascadingAuthenticationState();
        services.AddRateLimits();
        ReadRateLimitPolicy.AddReadLimits(services);
        StoredKeyRing.AddTo(services);
        Proxies.From(config);   // a bad proxy address stops the host here

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestOptions>>((kestrel, ingest) =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(DefaultMaxRequestBodyBytes, ingest.Value.MaxBodyBytes + 1024));
        return builder;
    }

    /// <summary>Before the endpoints: headers on every answer, then who is asking, then what they may do.</summary>
    public static WebApplication UseCityScreenSecurity(this WebApplication app, string dashboardPath)
    {
        Proxies.Use(app);
        app.UseSecurityHeaders(dashboardPath);
        app.UseUrlTokenExchange();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseDashboardAudit(dashboardPath);
        return app;
    }

    /// <summary>
    /// Actions taken on the Hangfire dashboard (trigger, requeue, delete a job) go to the audit log
    /// like every other admin action; its own polling (<c>/stats</c>) does not.
    /// </summary>
    private static void UseDashboardAudit(this WebApplication app, string dashboardPath) =>
        app.UseWhen(
            http => HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments(dashboardPath, out var rest) && rest != "/stats",
            branch => branch.Use(async (http, next) =>
            {
                await next(http);
                if (http.Response.StatusCode < 400 && http.User.IsInRole(Roles.Admin))
                    await http.RequestServices.GetRequiredService<Audit>().RecordAsync(http, "dashboard.action", http.Request.Path.Value ?? "");
            }));
}
