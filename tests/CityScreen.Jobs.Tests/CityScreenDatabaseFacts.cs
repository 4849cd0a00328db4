using CityScreen.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Jobs.Tests;

/// <summary>Choosing the store and Hangfire's storage from configuration, and the errors that stop a host that chose wrongly.</summary>
public sealed class CityScreenDatabaseFacts
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void Sqlite_is_the_default_with_its_file_under_the_content_root()
    {
        var database = CityScreenDatabase.FromConfiguration(Config(), Path.GetTempPath());

        Assert.False(database.IsPostgres);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "data/cityscreen.db"), database.Location);
    }

    [Fact]
    public void Postgres_takes_the_CityScreen_connection_string()
    {
        var database = CityScreenDatabase.FromConfiguration(
            Config(("CityScreen:Storage:Provider", "Postgres"), ("ConnectionStrings:CityScreen", "Host=127.0.0.1;Username=u;Password=secret")), "");

        Assert.True(database.IsPostgres);
        Assert.Equal("Host=127.0.0.1;Username=u;Password=secret", database.Location);
        Assert.DoesNotContain("secret", database.ToString());
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_host_naming_the_missing_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            CityScreenDatabase.FromConfiguration(Config(("CityScreen:Storage:Provider", "Postgres")), ""));

        Assert.Contains("ConnectionStrings:CityScreen", error.Message);
        Assert.Contains("CityScreen:Storage:Provider 'Postgres'", error.Message);
    }

    [Fact]
    public void An_unknown_provider_is_named_with_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            CityScreenDatabase.FromConfiguration(Config(("CityScreen:Storage:Provider", "Oracle")), ""));

        Assert.Contains("'Oracle'", error.Message);
        Assert.Contains("'Sqlite'", error.Message);
        Assert.Contains("'Postgres'", error.Message);
    }

    [Theory]
    [InlineData("Postgres", "ConnectionStrings:CityScreen")]
    [InlineData("Redis", "CityScreen:Jobs:Storage 'Redis' is not known")]
    public void Hangfire_storage_that_cannot_be_set_up_stops_the_host_with_a_message_naming_why(string storage, string named)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddCityScreenJobs(
            Config(("CityScreen:Jobs:Storage", storage)), RepositoryRoot.Path, simulatedHistory: false));

        Assert.Contains(named, error.Message);
        Assert.Empty(services);
    }
}
