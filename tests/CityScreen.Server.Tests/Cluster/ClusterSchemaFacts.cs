using CityScreen.Server.Hosting.Cluster;
using CityScreen.Tests.Shared;
using Npgsql;

namespace CityScreen.Server.Tests.Cluster;

public class ClusterSchemaFacts
{
    [Fact]
    public async Task A_fresh_database_gets_every_script_and_a_second_start_changes_nothing()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("schema"));

        var first = await ClusterSchema.MigrateAsync(database);
        Assert.Equal(ClusterSchema.Migrations.Select(m => m.Script), first);
        Assert.Contains("0001-membership.sql", first);
        Assert.Equal(["cluster_members", "cluster_migrations", "cluster_versions"], await TablesAsync(database));
        var recorded = await RecordedAsync(database);

        var second = await ClusterSchema.MigrateAsync(database);
        Assert.Empty(second);
        Assert.Equal(recorded, await RecordedAsync(database));
    }

    [Fact]
    public async Task Three_hosts_starting_at_once_apply_each_script_exactly_once()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("schema"));

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ClusterSchema.MigrateAsync(database))));

        Assert.Equal(ClusterSchema.Migrations.Select(m => m.Script), runs.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Equal(ClusterSchema.Migrations.Count, (await RecordedAsync(database)).Count);
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_stops_an_older_host_and_is_left_as_it_was()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("schema"));
        await ClusterSchema.MigrateAsync(database);
        await using (var newer = database.CreateCommand("INSERT INTO cluster_migrations (version, script) VALUES (9999, '9999-future.sql')"))
            await newer.ExecuteNonQueryAsync();
        var before = await RecordedAsync(database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ClusterSchema.MigrateAsync(database));

        Assert.Contains("version 9999", error.Message);
        Assert.Equal(before, await RecordedAsync(database));
    }

    private static async Task<List<string>> TablesAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task<List<string>> RecordedAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT version || ' ' || script || ' ' || applied_at FROM cluster_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
