using System.Text.Json;
using CityScreen.Server.Security;
using CityScreen.Simulator;
using Microsoft.Extensions.Configuration;

namespace CityScreen.Server.Tests;

/// <summary>
/// A published build runs in the Production environment and reads only <c>appsettings.json</c>: it
/// must not let anyone read the city nor write simulated cases into the store. <c>dotnet run</c>
/// takes the launch profile, the Development environment, and so the demo's settings.
/// </summary>
public class SafeDefaultsFacts
{
    private static readonly string ServerProject = Path.Combine(RepositoryRoot(), "src", "CityScreen.Server");

    [Fact]
    public void A_published_build_starts_without_anonymous_reading_and_without_the_simulator()
    {
        var config = Settings("Production");

        Assert.Null(config.GetSection(AuthOptions.Section).Get<AuthOptions>()!.AnonymousScope());
        Assert.False(config.GetSection("CityScreen:Simulator").Get<SimulatorOptions>()!.Enabled);
        Assert.False(new SimulatorOptions().Enabled);
    }

    [Fact]
    public void Dotnet_run_is_the_demo_with_anonymous_reading_and_the_simulator()
    {
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServerProject, "Properties", "launchSettings.json")));
        var profile = launch.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        var environment = profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString();
        Assert.Equal("Development", environment);

        var config = Settings(environment!);
        Assert.Equal("", config.GetSection(AuthOptions.Section).Get<AuthOptions>()!.AnonymousScope());
        Assert.True(config.GetSection("CityScreen:Simulator").Get<SimulatorOptions>()!.Enabled);
    }

    /// <summary>The settings files as the host layers them for an environment.</summary>
    private static IConfigurationRoot Settings(string environment) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(ServerProject, "appsettings.json"))
        .AddJsonFile(Path.Combine(ServerProject, $"appsettings.{environment}.json"), optional: true)
        .Build();

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CityScreen.sln"))) root = root.Parent;
        return root?.FullName ?? throw new DirectoryNotFoundException("CityScreen.sln not found above " + AppContext.BaseDirectory);
    }
}
