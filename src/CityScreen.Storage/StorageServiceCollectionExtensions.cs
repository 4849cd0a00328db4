using CityScreen.Storage.Checkpoints;
using CityScreen.Storage.Events;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using CityScreen.Storage.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores of the database chosen by <c>CityScreen:Storage</c>; a wrong or incomplete choice
    /// stops the host here, with a message naming the key.
    /// </summary>
    public static IServiceCollection AddCityScreenStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = CityScreenDatabase.FromConfiguration(configuration, contentRoot);
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        return services.AddCityScreenStorage(database, options);
    }

    /// <summary>
    /// Every store on <paramref name="database"/>: the event log, its history for the nightly job,
    /// the rollups, the indices and access control, and the <see cref="CityScreenDatabase"/> itself.
    /// The one place that chooses them.
    /// </summary>
    public static IServiceCollection AddCityScreenStorage(this IServiceCollection services, CityScreenDatabase database, StorageOptions? options = null)
    {
        options ??= new StorageOptions();
        services.AddSingleton(database);
        services.AddSingleton<IEventStore>(_ => new EventStore(database, options.MaxEventsPerCommit, options.MaxPendingAppends));
        services.AddSingleton<ICheckpointStore>(_ => new CheckpointStore(database));
        services.AddSingleton<IEventHistory>(_ => new EventHistory(database));
        services.AddSingleton<IRollupStore>(_ => new RollupStore(database));
        services.AddSingleton<IIndexStore>(_ => new IndexStore(database));
        services.AddSingleton<ISecurityStore>(_ =>
        {
            var store = new SecurityStore(database);
            // Tables exist before the first request can look a token up.
            store.InitializeAsync().GetAwaiter().GetResult();
            return store;
        });
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<ISecurityStore>());
        services.AddSingleton<ITokenStore>(sp => sp.GetRequiredService<ISecurityStore>());
        services.AddSingleton<IIngestKeyStore>(sp => sp.GetRequiredService<ISecurityStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<ISecurityStore>());
        services.AddSingleton(_ =>
        {
            var store = new DataProtectionKeyStore(database);
            store.InitializeAsync().GetAwaiter().GetResult();
            return store;
        });
        return services;
    }
}
