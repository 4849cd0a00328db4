using Microsoft.Extensions.Configuration;

namespace CityScreen.Storage;

/// <summary>
/// Where the host keeps its events and the job's tables: the SQLite file of the embedded mode, or
/// the PostgreSQL database of cluster mode (<c>CityScreen:Storage:Provider</c>).
/// </summary>
public sealed record CityScreenDatabase(string Provider, string Location)
{
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";
    public const string ConnectionStringName = "CityScreen";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    public bool IsPostgres => Provider == PostgresProvider;

    public static CityScreenDatabase Sqlite(string path) => new(SqliteProvider, path);

    public static CityScreenDatabase Postgres(string connectionString) => new(PostgresProvider, connectionString);

    /// <summary>Reads the choice, stopping the host with a message naming the key when it is wrong or incomplete.</summary>
    public static CityScreenDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        return options.Provider switch
        {
            SqliteProvider => Sqlite(Path.Combine(contentRoot, options.SqlitePath)),
            PostgresProvider => Postgres(RequireConnectionString(configuration, $"{StorageOptions.Section}:Provider '{PostgresProvider}'")),
            _ => throw new InvalidOperationException(
                $"{StorageOptions.Section}:Provider '{options.Provider}' is not known; use '{SqliteProvider}' (the default) or '{PostgresProvider}'"),
        };
    }

    /// <summary>The PostgreSQL connection string, or an error saying which setting needs it.</summary>
    public static string RequireConnectionString(IConfiguration configuration, string neededBy) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{neededBy} needs {ConnectionStringKey}: set it to the PostgreSQL connection string (environment ConnectionStrings__{ConnectionStringName})");

    /// <summary>The location without a password, for logs and messages.</summary>
    public override string ToString() =>
        IsPostgres ? $"{Provider} {new Npgsql.NpgsqlConnectionStringBuilder(Location) { Password = null }}" : $"{Provider} {Location}";
}
