using CityScreen.Server.Feed;

namespace CityScreen.Server.Hosting;

/// <summary>This host's view of every area (and its 实时发展指数), and its registration with the cluster so every grain's snapshots reach it.</summary>
public static class FeedConfiguration
{
    public static WebApplicationBuilder AddCityScreenFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScreenFeed>();
        builder.Services.AddSingleton<LiveIndices>();
        builder.Services.AddSingleton<ScreenFeedRegistration>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScreenFeedRegistration>());
        return builder;
    }
}
