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

    // The API reference (Scalar, signed-in users) starts itself with one inline module script; the
    // rest of the policy stays: no other origin, no framing.
    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(dashboardPath) ? DashboardPolicy
                : context.Request.Path.StartsWithSegments(Hosting.OpenApiConfiguration.ReferencePath) ? ReferencePolicy
                : ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
