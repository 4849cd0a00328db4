using CityScreen.Server.Hosting;
using CityScreen.Server.Security;
using CityScreen.Storage;
using CityScreen.Storage.Security;
using CityScreen.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>Which security store a host builds from its storage settings.</summary>
public class ClusterSecurityStoreFacts
{
    [Fact]
    public async Task With_the_postgres_provider_the_host_keeps_tokens_in_the_shared_database()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("security");
        var builder = Builder(("CityScreen:Storage:Provider", "Postgres"), ("ConnectionStrings:CityScreen", connectionString));

        builder.Services.AddCityScreenStorage(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddCityScreenSecurity();
        await using var services = builder.Services.BuildServiceProvider();

        Assert.True(Assert.IsType<SecurityStore>(services.GetRequiredService<ISecurityStore>()).Database.IsPostgres);
        Assert.Empty(await services.GetRequiredService<ITokenStore>().ListTokensAsync());
    }

    [Fact]
    public void Without_a_connection_string_the_postgres_provider_stops_the_host_naming_the_key()
    {
        var builder = Builder(("CityScreen:Storage:Provider", "Postgres"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.Services.AddCityScreenStorage(builder.Configuration, builder.Environment.ContentRootPath));

        Assert.Contains("ConnectionStrings:CityScreen", error.Message);
        Assert.DoesNotContain(builder.Services, s => s.ServiceType == typeof(ISecurityStore));
    }

    [Fact]
    public async Task The_users_command_with_the_postgres_provider_writes_the_shared_database()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("security");

        var missing = await UsersCommand.RunAsync(["add", "ops", "--role", "admin", "--password", "pw-ops-123456", "--CityScreen:Storage:Provider", "Postgres"]);
        var added = await UsersCommand.RunAsync(["add", "ops", "--role", "admin", "--password", "pw-ops-123456",
            "--CityScreen:Storage:Provider", "Postgres", "--ConnectionStrings:CityScreen", connectionString]);

        Assert.Equal((2, 0), (missing, added));
        var ops = await new SecurityStore(CityScreenDatabase.Postgres(connectionString)).FindAccountAsync("ops");
        Assert.True(Secrets.VerifyPassword("pw-ops-123456", ops!.PasswordHash));
    }

    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }
}
