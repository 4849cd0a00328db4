namespace CityScreen.Storage.Security;

/// <summary>Admin actions, append-only.</summary>
public interface IAuditLog
{
    Task AppendAuditAsync(DateTimeOffset at, string actor, string action, string detail, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default);
}
