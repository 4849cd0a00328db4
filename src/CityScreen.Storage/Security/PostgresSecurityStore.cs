using CityScreen.Storage.Postgres;
using Npgsql;

namespace CityScreen.Storage.Security;

/// <summary>
/// <c>accounts</c>, <c>access_tokens</c>, <c>ingest_keys</c> and <c>audit_log</c> in the PostgreSQL
/// database every host of a cluster shares, with the behaviour of <see cref="SqliteSecurityStore"/>.
/// Times are kept to the millisecond, as the SQLite store keeps them, so both read back the same.
/// </summary>
public sealed class PostgresSecurityStore(string connectionString) : ISecurityStore
{
    private const string AccountColumns = "name, role, area_id, password_hash, created_at";
    private const string TokenColumns = "id, kind, name, role, area_id, secret_hash, created_at, expires_at, revoked_at";
    private const string KeyColumns = "id, source, area_ids, secret_hash, created_at, revoked_at";

    // A pool of its own: a token lookup on every request never waits behind a replay's readers.
    private readonly PostgresDatabase _db = new(connectionString, pool: "cityscreen-security");

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    public async Task<Account?> FindAccountAsync(string name, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {AccountColumns} FROM accounts WHERE name = $1", ReadAccount, cancellationToken, name)).FirstOrDefault();

    public Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {AccountColumns} FROM accounts ORDER BY name COLLATE \"C\"", ReadAccount, cancellationToken);

    public Task SaveAccountAsync(Account account, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"""
            INSERT INTO accounts ({AccountColumns}) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, area_id = excluded.area_id, password_hash = excluded.password_hash
            """, cancellationToken, account.Name, account.Role, account.AreaId, account.PasswordHash, Ms(account.CreatedAt));

    public async Task<bool> AddAccountIfAbsentAsync(Account account, CancellationToken cancellationToken = default) =>
        await ExecuteAsync($"""
            INSERT INTO accounts ({AccountColumns}) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (name) DO NOTHING
            """, cancellationToken, account.Name, account.Role, account.AreaId, account.PasswordHash, Ms(account.CreatedAt)) > 0;

    public async Task<bool> RemoveAccountAsync(string name, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM accounts WHERE name = $1", cancellationToken, name) > 0;

    public Task AddTokenAsync(AccessToken token, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"""
            INSERT INTO access_tokens ({TokenColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)
            """, cancellationToken, token.Id, token.Kind, token.Name, token.Role, token.AreaId, token.SecretHash,
            Ms(token.CreatedAt), Ms(token.ExpiresAt));

    public async Task<AccessToken?> FindTokenBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {TokenColumns} FROM access_tokens WHERE secret_hash = $1", ReadToken, cancellationToken, secretHash)).FirstOrDefault();

    public Task<IReadOnlyList<AccessToken>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {TokenColumns} FROM access_tokens WHERE kind = 'token' ORDER BY created_at", ReadToken, cancellationToken);

    public async Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE access_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", cancellationToken, id, Ms(at)) > 0;

    public Task AddIngestKeyAsync(IngestKey key, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"""
            INSERT INTO ingest_keys ({KeyColumns}) VALUES ($1, $2, $3, $4, $5, NULL)
            """, cancellationToken, key.Id, key.Source, key.AreaIds.ToArray(), key.SecretHash, Ms(key.CreatedAt));

    public async Task<IngestKey?> FindIngestKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {KeyColumns} FROM ingest_keys WHERE secret_hash = $1", ReadKey, cancellationToken, secretHash)).FirstOrDefault();

    public Task<IReadOnlyList<IngestKey>> ListIngestKeysAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {KeyColumns} FROM ingest_keys ORDER BY created_at", ReadKey, cancellationToken);

    public async Task<bool> RevokeIngestKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE ingest_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", cancellationToken, id, Ms(at)) > 0;

    public Task AppendAuditAsync(DateTimeOffset at, string actor, string action, string detail, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO audit_log (at, actor, action, detail) VALUES ($1, $2, $3, $4)", cancellationToken, Ms(at), actor, action, detail);

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT $1",
            r => new AuditEntry(r.GetInt64(0), Time(r, 1), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken, limit);

    private static Account ReadAccount(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), Time(r, 4));

    private static AccessToken ReadToken(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
            Time(r, 6), r.IsDBNull(7) ? null : Time(r, 7), r.IsDBNull(8) ? null : Time(r, 8));

    private static IngestKey ReadKey(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetString(3), Time(r, 4), r.IsDBNull(5) ? null : Time(r, 5));

    private static DateTimeOffset Time(NpgsqlDataReader r, int column) => r.GetFieldValue<DateTimeOffset>(column);

    /// <summary>To the millisecond and in UTC, which is what Npgsql writes to a <c>timestamptz</c>.</summary>
    private static DateTime Ms(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()).UtcDateTime;

    private static DateTime? Ms(DateTimeOffset? at) => at is { } value ? Ms(value) : null;

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] args)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = Command(c, sql, args);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object?[] args)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = Command(c, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await r.ReadAsync(cancellationToken)) rows.Add(read(r));
        return rows;
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, string sql, object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, c);
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        return cmd;
    }
}
