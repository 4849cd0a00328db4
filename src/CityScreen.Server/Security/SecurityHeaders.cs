namespace CityScreen.Server.Security;

/// <summary>
/// Headers on every answer. The CSP allows only this origin's scripts: Blazor Server needs no eval
/// and no inline script; inline styles stay allowed because the wall positions panels with
/// <c>style</c> attributes. No page may be framed (clickjacking of the admin pages).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The Hangfire dashboard ships inline scripts; it is admin-only, and still cannot be framed.
    private const string DashboardPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    /// <summary>
    /// Set when the answer starts, so they replace what components added on the way (Blazor's own
    /// <c>frame-ancestors 'self'</c>, antiforgery's <c>X-Frame-Options</c>) instead of doubling them.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string dashboardPath) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(dashboardPath) ? DashboardPolicy : ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
