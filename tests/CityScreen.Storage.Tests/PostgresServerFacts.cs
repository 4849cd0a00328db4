using CityScreen.Tests.Shared;
using Npgsql;

namespace CityScreen.Storage.Tests;

/// <summary>The PostgreSQL the tests run against is real, local and gives every test its own database.</summary>
public sealed class PostgresServerFacts
{
    [Fact]
    public async Task Every_database_is_separate_and_served_on_loopback()
    {
        var first = await PostgresServer.Shared.CreateDatabaseAsync("harness");
        var second = await PostgresServer.Shared.CreateDatabaseAsync("harness");

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE marker (id int); SELECT host(inet_server_addr())", connection);
            Assert.Equal("127.0.0.1", await create.ExecuteScalarAsync());
        }
        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            await using var look = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'", connection);
            Assert.Equal(0L, await look.ExecuteScalarAsync());
        }
    }
}
