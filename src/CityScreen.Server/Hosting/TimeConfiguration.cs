using CityScreen.Domain.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Hosting;

/// <summary>Time is injected (tests move the clock); the zone is configuration.</summary>
public static class TimeConfiguration
{
    public static WebApplicationBuilder AddCityScreenTime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimeOptions>().BindConfiguration(TimeOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.IsKnownZone(), $"{TimeOptions.Section}:TimeZone names a time zone this machine does not know")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new CityClock(TimeProvider.System, CityClock.FindZone(sp.GetRequiredService<IOptions<TimeOptions>>().Value.TimeZone)));
        return builder;
    }
}
