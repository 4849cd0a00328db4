using Npgsql;

namespace CityScreen.Jobs.Hosting;

/// <summary>
/// Cluster mode's run lock: a PostgreSQL session advisory lock on a connection of its own, held
/// until the run ends. If the host dies mid-run its connection closes and the server releases the
/// lock, so a crashed run never blocks the next night.
/// </summary>
public sealed class PostgresIndexRunLock(string connectionString) : IIndexRunLock
{
    private const long Key = 0x43_53_49_44_58; // "CSIDX"

    /// <summary>A run waits this long for another to finish, like Hangfire's lock, then fails and is retried.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromHours(1);

    // Unpooled: the lock lives and dies with exactly this connection.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = (int)Patience.TotalSeconds };
            await take.ExecuteNonQueryAsync(cancellationToken);
            return connection; // closing the session releases the lock
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
