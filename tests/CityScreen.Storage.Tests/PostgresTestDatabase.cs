using CityScreen.Tests.Shared;
using Npgsql;

namespace CityScreen.Storage.Tests;

/// <summary>A database of its own on the tests' PostgreSQL server, and ways to hold its event log still.</summary>
public sealed class PostgresTestDatabase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private PostgresTestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(string purpose) =>
        new(await PostgresServer.Shared.CreateDatabaseAsync(purpose));

    /// <summary>Opens a transaction on another connection that locks <paramref name="table"/> until the result is disposed.</summary>
    public async Task<IAsyncDisposable> LockAsync(string table, string mode)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var begin = new NpgsqlCommand($"BEGIN; LOCK TABLE {table} IN {mode} MODE", connection))
            await begin.ExecuteNonQueryAsync();
        return connection; // closing the connection rolls its transaction back
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> sessions of this database wait for a lock, or <paramref name="unless"/> ends.</summary>
    public async Task WaitForLockWaitersAsync(int count, Task? unless = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var look = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        await Eventually.HoldsAsync(async () => unless is { IsCompleted: true } || (long)(await look.ExecuteScalarAsync())! >= count,
            $"{count} session(s) waiting for a lock", Patience, TimeSpan.FromMilliseconds(20));
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Closes this process's idle connections, so hundreds of per-test databases do not exhaust the server.</summary>
    public static void ReleaseConnections() => NpgsqlConnection.ClearAllPools();
}
