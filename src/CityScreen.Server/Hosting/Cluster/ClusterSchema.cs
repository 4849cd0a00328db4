using System.Reflection;
using Npgsql;

namespace CityScreen.Server.Hosting.Cluster;

/// <summary>
/// The cluster's tables in PostgreSQL, created and migrated when a host starts. The scripts are
/// embedded in this assembly and numbered (<c>0001-membership.sql</c>); each one runs once, in its
/// own transaction, and is recorded in <c>cluster_migrations</c>. Hosts starting together take
/// turns on an advisory lock, so exactly one applies a script and the others find it recorded.
/// </summary>
public static class ClusterSchema
{
    /// <summary>The advisory lock key: any number, fixed, distinct from other users of the database.</summary>
    private const long MigrationLock = 0x43_53_43_4C_55_53_54_52; // "CSCLUSTR"

    private const string ResourcePrefix = "CityScreen.Server.Hosting.Cluster.Migrations.";

    /// <summary>The migrations this build knows, oldest first.</summary>
    public static IReadOnlyList<ClusterMigration> Migrations { get; } = LoadMigrations();

    /// <summary>Applies what is missing; returns the names of the scripts this call applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", MigrationLock));
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS cluster_migrations (
                    version    integer PRIMARY KEY,
                    script     text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM cluster_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));

            var newer = applied.Where(v => Migrations.All(m => m.Version != v)).ToList();
            if (newer.Count > 0)
                throw new InvalidOperationException(
                    $"the database has cluster schema version {newer.Max()}, which this build does not know: upgrade this host instead of starting an older one");

            var done = new List<string>();
            foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, transaction, migration.Sql, cancellationToken);
                await Execute(connection, transaction, "INSERT INTO cluster_migrations (version, script) VALUES (@version, @script)",
                    cancellationToken, ("version", migration.Version), ("script", migration.Script));
                await transaction.CommitAsync(cancellationToken);
                done.Add(migration.Script);
            }
            return done;
        }
        finally
        {
            await Execute(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", MigrationLock));
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<ClusterMigration> LoadMigrations()
    {
        var assembly = typeof(ClusterSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => ClusterMigration.FromResource(n[ResourcePrefix.Length..], Read(assembly, n)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
