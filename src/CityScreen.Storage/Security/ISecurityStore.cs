namespace CityScreen.Storage.Security;

/// <summary>Everything access control keeps: one implementation per storage provider.</summary>
public interface ISecurityStore : IAccountStore, ITokenStore, IIngestKeyStore, IAuditLog
{
    Task InitializeAsync(CancellationToken cancellationToken = default);
}
