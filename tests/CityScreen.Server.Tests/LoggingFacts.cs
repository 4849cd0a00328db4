using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

/// <summary>The console log switches, read from the host as built (not started).</summary>
public class LoggingFacts
{
    [Theory]
    [InlineData("--CityScreen:Logging:Json", "true")]
    [InlineData("--Logging:Console:FormatterName", "json")]
    public async Task Either_switch_writes_console_logs_as_json(string key, string value)
    {
        await using var app = Hosting.CityScreenHost.Build(["--CityScreen:Auth:Admin:Password", ServerHost.AdminPassword, key, value]);
        var console = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>();
        Assert.Equal("json", console.CurrentValue.FormatterName);
    }

    [Fact]
    public async Task Console_logs_are_text_by_default_and_polly_speaks_up_at_warnings_only()
    {
        await using var app = Hosting.CityScreenHost.Build(["--CityScreen:Auth:Admin:Password", ServerHost.AdminPassword]);
        var console = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>();
        Assert.NotEqual("json", console.CurrentValue.FormatterName);
        var polly = app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Polly");
        Assert.False(polly.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information));
        Assert.True(polly.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Warning));
    }
}
