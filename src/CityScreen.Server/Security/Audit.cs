using CityScreen.Storage.Security;

namespace CityScreen.Server.Security;

/// <summary>Writes admin actions to the audit log with who did them.</summary>
public sealed class Audit(IAuditLog log, TimeProvider time)
{
    public Task RecordAsync(HttpContext http, string action, string detail) =>
        log.AppendAuditAsync(time.GetUtcNow(), http.User.Who(), action, detail, CancellationToken.None);
}
