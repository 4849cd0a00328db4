using CityScreen.Jobs.Hosting;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using CityScreen.Storage.Security;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The stores this host keeps: the event store and the security store, both in the database of
/// <c>CityScreen:Storage</c> (the SQLite file of the embedded mode, or PostgreSQL in a cluster).
/// The index job's own tables are registered with the jobs.
/// </summary>
public static class StorageConfiguration
{
    public static WebApplicationBuilder AddCityScreenStores(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        // Read here, not in the factories: a wrong provider or a missing connection string stops
        // the host at start, naming the key.
        var database = CityScreenDatabase.FromConfiguration(config, builder.Environment.ContentRootPath);
        var options = config.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        services.AddSingleton<IEventStore>(_ => database.IsPostgres
            ? new PostgresEventStore(database.Location, options.MaxEventsPerCommit, options.MaxPendingAppends)
            : new SqliteEventStore(database.Location, options.MaxEventsPerCommit, options.MaxPendingAppends));

        services.AddSingleton<ISecurityStore>(_ =>
        {
            var store = CreateSecurityStore(database);
            // Tables exist before the first request can look a token up.
            store.InitializeAsync().GetAwaiter().GetResult();
            return store;
        });
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<ISecurityStore>());
        services.AddSingleton<ITokenStore>(sp => sp.GetRequiredService<ISecurityStore>());
        services.AddSingleton<IIngestKeyStore>(sp => sp.GetRequiredService<ISecurityStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<ISecurityStore>());
        return builder;
    }

    /// <summary>
    /// The security store of the configured database; the <c>users</c> command uses it too. In a
    /// cluster every host shares one store, or a token issued on one host is unknown on the others.
    /// </summary>
    public static ISecurityStore CreateSecurityStore(CityScreenDatabase database) =>
        database.IsPostgres ? new PostgresSecurityStore(database.Location) : new SqliteSecurityStore(database.Location);
}
