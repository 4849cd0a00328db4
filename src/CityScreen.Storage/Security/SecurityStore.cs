using System.Data.Common;
using CityScreen.Storage.Sql;

namespace CityScreen.Storage.Security;

/// <summary>
/// <c>accounts</c>, <c>access_tokens</c>, <c>ingest_keys</c> and <c>audit_log</c>. Secrets are never
/// stored, only their hashes, so a copy of the database opens nothing. In a cluster every host shares
/// them: a token issued on one host is known on all of them.
/// </summary>
public sealed class SecurityStore(CityScreenDatabase database) : ISecurityStore
{
    private const string AccountColumns = "name, role, area_id, password_hash, created_at";
    private const string TokenColumns = "id, kind, name, role, area_id, secret_hash, created_at, expires_at, revoked_at";
    private const string KeyColumns = "id, source, area_ids, secret_hash, created_at, revoked_at";

    // A pool of its own: a token lookup on every request never waits behind a replay's readers.
    private readonly SqlDialect _db = SqlDialect.For(database, pool: "cityscreen-security");

    /// <summary>Where the store keeps its tables.</summary>
    public CityScreenDatabase Database => database;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    public Task<Account?> FindAccountAsync(string name, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<Account?>($"SELECT {AccountColumns} FROM accounts WHERE name = $1", ReadAccount, cancellationToken, name);

    public async Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        await _db.QueryAsync($"SELECT {AccountColumns} FROM accounts ORDER BY name{_db.Ordinal}", ReadAccount, cancellationToken);

    public Task SaveAccountAsync(Account account, CancellationToken cancellationToken = default) =>
        _db.ExecuteAsync($"""
            INSERT INTO accounts ({AccountColumns}) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, area_id = excluded.area_id, password_hash = excluded.password_hash
            """, cancellationToken, account.Name, account.Role, account.AreaId, account.PasswordHash, account.CreatedAt);

    public async Task<bool> AddAccountIfAbsentAsync(Account account, CancellationToken cancellationToken = default) =>
        await _db.ExecuteAsync($"""
            INSERT INTO accounts ({AccountColumns}) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (name) DO NOTHING
            """, cancellationToken, account.Name, account.Role, account.AreaId, account.PasswordHash, account.CreatedAt) > 0;

    public async Task<bool> RemoveAccountAsync(string name, CancellationToken cancellationToken = default) =>
        await _db.ExecuteAsync("DELETE FROM accounts WHERE name = $1", cancellationToken, name) > 0;

    public Task AddTokenAsync(AccessToken token, CancellationToken cancellationToken = default) =>
        _db.ExecuteAsync($"INSERT INTO access_tokens ({TokenColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)", cancellationToken,
            token.Id, token.Kind, token.Name, token.Role, token.AreaId, token.SecretHash, token.CreatedAt, token.ExpiresAt);

    public Task<AccessToken?> FindTokenBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<AccessToken?>($"SELECT {TokenColumns} FROM access_tokens WHERE secret_hash = $1", ReadToken, cancellationToken, secretHash);

    public Task<AccessToken?> FindTokenAsync(string id, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<AccessToken?>($"SELECT {TokenColumns} FROM access_tokens WHERE id = $1", ReadToken, cancellationToken, id);

    public async Task<IReadOnlyList<AccessToken>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        await _db.QueryAsync($"SELECT {TokenColumns} FROM access_tokens WHERE kind = 'token' ORDER BY created_at", ReadToken, cancellationToken);

    public async Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await _db.ExecuteAsync("UPDATE access_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", cancellationToken, id, at) > 0;

    public Task<int> RevokeSessionsOfAsync(string accountName, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _db.ExecuteAsync("UPDATE access_tokens SET revoked_at = $2 WHERE kind = 'session' AND name = $1 AND revoked_at IS NULL", cancellationToken, accountName, at);

    public Task AddIngestKeyAsync(IngestKey key, CancellationToken cancellationToken = default) =>
        _db.ExecuteAsync($"INSERT INTO ingest_keys ({KeyColumns}) VALUES ($1, $2, $3, $4, $5, NULL)", cancellationToken,
            key.Id, key.Source, _db.List(key.AreaIds), key.SecretHash, key.CreatedAt);

    public Task<IngestKey?> FindIngestKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<IngestKey?>($"SELECT {KeyColumns} FROM ingest_keys WHERE secret_hash = $1", ReadKey, cancellationToken, secretHash);

    public async Task<IReadOnlyList<IngestKey>> ListIngestKeysAsync(CancellationToken cancellationToken = default) =>
        await _db.QueryAsync($"SELECT {KeyColumns} FROM ingest_keys ORDER BY created_at", ReadKey, cancellationToken);

    public async Task<bool> RevokeIngestKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await _db.ExecuteAsync("UPDATE ingest_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", cancellationToken, id, at) > 0;

    public Task AppendAuditAsync(DateTimeOffset at, string actor, string action, string detail, CancellationToken cancellationToken = default) =>
        _db.ExecuteAsync("INSERT INTO audit_log (at, actor, action, detail) VALUES ($1, $2, $3, $4)", cancellationToken, at, actor, action, detail);

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT $1",
            r => new AuditEntry(r.GetInt64(0), _db.ReadTime(r, 1), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken, limit);

    private Account ReadAccount(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetStringOrNull(2), r.GetString(3), _db.ReadTime(r, 4));

    private AccessToken ReadToken(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetStringOrNull(4), r.GetString(5),
            _db.ReadTime(r, 6), _db.ReadTimeOrNull(r, 7), _db.ReadTimeOrNull(r, 8));

    private IngestKey ReadKey(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), _db.ReadList(r, 2), r.GetString(3), _db.ReadTime(r, 4), _db.ReadTimeOrNull(r, 5));
}
