using CityScreen.Storage.Rollups;
using Microsoft.Data.Sqlite;
using static CityScreen.Storage.Rollups.SqliteDatabase;

namespace CityScreen.Storage.Security;

/// <summary>
/// <c>accounts</c>, <c>access_tokens</c>, <c>ingest_keys</c> and <c>audit_log</c> in the store's SQLite
/// file. Secrets are never stored, only their hashes, so a copy of the file opens nothing.
/// </summary>
public sealed class SqliteSecurityStore(string path) : ISecurityStore
{
    private readonly SqliteDatabase _db = new(path);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await ExecAsync(c, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS accounts (
                name           TEXT PRIMARY KEY,
                role           TEXT NOT NULL,
                area_id        TEXT NULL,
                password_hash  TEXT NOT NULL,
                created_at     INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS access_tokens (
                id             TEXT PRIMARY KEY,
                kind           TEXT NOT NULL,
                name           TEXT NOT NULL,
                role           TEXT NOT NULL,
                area_id        TEXT NULL,
                secret_hash    TEXT NOT NULL UNIQUE,
                created_at     INTEGER NOT NULL,
                expires_at     INTEGER NULL,
                revoked_at     INTEGER NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS ingest_keys (
                id             TEXT PRIMARY KEY,
                source         TEXT NOT NULL,
                area_ids       TEXT NOT NULL,
                secret_hash    TEXT NOT NULL UNIQUE,
                created_at     INTEGER NOT NULL,
                revoked_at     INTEGER NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS audit_log (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                at             INTEGER NOT NULL,
                actor          TEXT NOT NULL,
                action         TEXT NOT NULL,
                detail         TEXT NOT NULL
            );
            """, cancellationToken);
    }

    public async Task<Account?> FindAccountAsync(string name, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT name, role, area_id, password_hash, created_at FROM accounts WHERE name = $p0", ReadAccount, cancellationToken, name)).FirstOrDefault();

    public Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT name, role, area_id, password_hash, created_at FROM accounts ORDER BY name", ReadAccount, cancellationToken);

    public Task SaveAccountAsync(Account account, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO accounts (name, role, area_id, password_hash, created_at) VALUES ($p0, $p1, $p2, $p3, $p4)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, area_id = excluded.area_id, password_hash = excluded.password_hash
            """, cancellationToken, account.Name, account.Role, account.AreaId, account.PasswordHash, account.CreatedAt.ToUnixTimeMilliseconds());

    public async Task<bool> AddAccountIfAbsentAsync(Account account, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("""
            INSERT INTO accounts (name, role, area_id, password_hash, created_at) VALUES ($p0, $p1, $p2, $p3, $p4)
            ON CONFLICT (name) DO NOTHING
            """, cancellationToken, account.Name, account.Role, account.AreaId, account.PasswordHash, account.CreatedAt.ToUnixTimeMilliseconds()) > 0;

    public async Task<bool> RemoveAccountAsync(string name, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM accounts WHERE name = $p0", cancellationToken, name) > 0;

    public Task AddTokenAsync(AccessToken token, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO access_tokens (id, kind, name, role, area_id, secret_hash, created_at, expires_at, revoked_at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, NULL)
            """, cancellationToken, token.Id, token.Kind, token.Name, token.Role, token.AreaId, token.SecretHash,
            token.CreatedAt.ToUnixTimeMilliseconds(), token.ExpiresAt?.ToUnixTimeMilliseconds());

    public async Task<AccessToken?> FindTokenBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {TokenColumns} FROM access_tokens WHERE secret_hash = $p0", ReadToken, cancellationToken, secretHash)).FirstOrDefault();

    public Task<IReadOnlyList<AccessToken>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {TokenColumns} FROM access_tokens WHERE kind = 'token' ORDER BY created_at", ReadToken, cancellationToken);

    public async Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE access_tokens SET revoked_at = $p1 WHERE id = $p0 AND revoked_at IS NULL", cancellationToken, id, at.ToUnixTimeMilliseconds()) > 0;

    public Task AddIngestKeyAsync(IngestKey key, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO ingest_keys (id, source, area_ids, secret_hash, created_at, revoked_at) VALUES ($p0, $p1, $p2, $p3, $p4, NULL)
            """, cancellationToken, key.Id, key.Source, string.Join(',', key.AreaIds), key.SecretHash, key.CreatedAt.ToUnixTimeMilliseconds());

    public async Task<IngestKey?> FindIngestKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {KeyColumns} FROM ingest_keys WHERE secret_hash = $p0", ReadKey, cancellationToken, secretHash)).FirstOrDefault();

    public Task<IReadOnlyList<IngestKey>> ListIngestKeysAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {KeyColumns} FROM ingest_keys ORDER BY created_at", ReadKey, cancellationToken);

    public async Task<bool> RevokeIngestKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE ingest_keys SET revoked_at = $p1 WHERE id = $p0 AND revoked_at IS NULL", cancellationToken, id, at.ToUnixTimeMilliseconds()) > 0;

    public Task AppendAuditAsync(DateTimeOffset at, string actor, string action, string detail, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO audit_log (at, actor, action, detail) VALUES ($p0, $p1, $p2, $p3)", cancellationToken,
            at.ToUnixTimeMilliseconds(), actor, action, detail);

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT $p0",
            r => new AuditEntry(r.GetInt64(0), Time(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken, limit);

    private const string TokenColumns = "id, kind, name, role, area_id, secret_hash, created_at, expires_at, revoked_at";
    private const string KeyColumns = "id, source, area_ids, secret_hash, created_at, revoked_at";

    private static Account ReadAccount(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), Time(r.GetInt64(4)));

    private static AccessToken ReadToken(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
            Time(r.GetInt64(6)), r.IsDBNull(7) ? null : Time(r.GetInt64(7)), r.IsDBNull(8) ? null : Time(r.GetInt64(8)));

    private static IngestKey ReadKey(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetString(3),
            Time(r.GetInt64(4)), r.IsDBNull(5) ? null : Time(r.GetInt64(5)));

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] args)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = Command(c, sql, args);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params object?[] args)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = Command(c, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await r.ReadAsync(cancellationToken)) rows.Add(read(r));
        return rows;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, object?[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$p" + i, args[i] ?? DBNull.Value);
        return cmd;
    }
}
