using System.Security.Claims;
using CityScreen.Storage.Security;

namespace CityScreen.Server.Security;

/// <summary>Writes admin actions to the audit log with who did them.</summary>
public sealed class Audit(IAuditLog log, TimeProvider time)
{
    public Task RecordAsync(HttpContext http, string action, string detail) => RecordAsync(http.User, action, detail);

    /// <summary>For actions taken in a page (a Blazor circuit), where there is no request.</summary>
    public Task RecordAsync(ClaimsPrincipal user, string action, string detail) =>
        log.AppendAuditAsync(time.GetUtcNow(), user.Who(), action, detail, CancellationToken.None);
}
