using CityScreen.Grains.Ingest;
using CityScreen.Server.Apis;

namespace CityScreen.Server.Hosting;

/// <summary>Events in: the limits of <c>CityScreen:Ingest</c> and the ingestor that stores them durably, then hands them to the grids.</summary>
public static class IngestConfiguration
{
    public static WebApplicationBuilder AddCityScreenIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IngestAdmission>();
        builder.Services.AddSingleton<EventIngestor>();
        return builder;
    }
}
