namespace CityScreen.Server.Hosting;

/// <summary>
/// Console logs as text (the default) or as one JSON object per line for a log collector:
/// <c>CityScreen:Logging:Json=true</c>, or the framework's own <c>Logging:Console:FormatterName=json</c>.
/// Levels come from <c>Logging:LogLevel</c>; appsettings.json keeps Orleans and Polly at warnings
/// (Orleans' placement logs two Polly lines per grain activation at information, a thousand per start).
/// </summary>
public static class LoggingConfiguration
{
    public const string JsonKey = "CityScreen:Logging:Json";

    public static WebApplicationBuilder AddCityScreenLogging(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(JsonKey))
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz");
        return builder;
    }
}
