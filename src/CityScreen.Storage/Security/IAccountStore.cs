namespace CityScreen.Storage.Security;

/// <summary>Local accounts with hashed passwords.</summary>
public interface IAccountStore
{
    Task<Account?> FindAccountAsync(string name, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the account, or replaces the one of the same name.</summary>
    Task SaveAccountAsync(Account account, CancellationToken cancellationToken = default);
    Task<bool> RemoveAccountAsync(string name, CancellationToken cancellationToken = default);
}
