using CityScreen.Server.Simulation;
using CityScreen.Simulator;

namespace CityScreen.Server.Hosting;

/// <summary>The demo's upstream systems (<c>CityScreen:Simulator</c>, off unless configured: the Development settings turn it on).</summary>
public static class SimulatorConfiguration
{
    public static WebApplicationBuilder AddCityScreenSimulator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorService.Section).ValidateOnStart();
        builder.Services.AddHostedService<SimulatorService>();
        return builder;
    }

    /// <summary>Whether the simulator runs; the jobs decide at registration whether to simulate index history.</summary>
    public static bool IsEnabled(IConfiguration config) =>
        (config.GetSection(SimulatorService.Section).Get<SimulatorOptions>() ?? new SimulatorOptions()).Enabled;
}
