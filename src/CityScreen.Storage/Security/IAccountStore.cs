namespace CityScreen.Storage.Security;

/// <summary>Local accounts with hashed passwords.</summary>
public interface IAccountStore
{
    Task<Account?> FindAccountAsync(string name, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the account, or replaces the one of the same name.</summary>
    Task SaveAccountAsync(Account account, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the account unless one of that name exists (then changes nothing and answers false):
    /// hosts starting at once on one database create the first admin once, not once each.
    /// </summary>
    Task<bool> AddAccountIfAbsentAsync(Account account, CancellationToken cancellationToken = default);
    Task<bool> RemoveAccountAsync(string name, CancellationToken cancellationToken = default);
}
