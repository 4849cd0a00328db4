using CityScreen.Storage;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The stores this host keeps, in the database of <c>CityScreen:Storage</c> (the SQLite file of the
/// embedded mode, or PostgreSQL in a cluster). Storage chooses them, in one place.
/// </summary>
public static class StorageConfiguration
{
    public static WebApplicationBuilder AddCityScreenStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddCityScreenStorage(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }
}
