using System.Net;
using CityScreen.Server.Hosting.Cluster;
using CityScreen.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>The membership table's promise to Orleans: a write made on a stale view of the cluster fails and changes nothing.</summary>
public class PostgresMembershipTableFacts
{
    private static readonly DateTime Start = new(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_silo_is_inserted_once_and_read_back_as_written()
    {
        await using var table = await TableAsync("yanan");
        var empty = await table.ReadAll();
        var silo = Entry(11111, SiloStatus.Joining);
        silo.AddSuspector(Entry(11112, SiloStatus.Active).SiloAddress, Start.AddSeconds(5));

        Assert.True(await table.InsertRow(silo, empty.Version.Next()));
        Assert.False(await table.InsertRow(silo, (await table.ReadAll()).Version.Next()));

        var (read, _) = (await table.ReadRow(silo.SiloAddress)).Members.Single();
        Assert.Equal((silo.SiloAddress, SiloStatus.Joining, 30001, "host-11111", "silo-11111"), (read.SiloAddress, read.Status, read.ProxyPort, read.HostName, read.SiloName));
        Assert.Equal((Start, Start), (read.StartTime, read.IAmAliveTime));
        Assert.Equal(silo.SuspectTimes, read.SuspectTimes);
        Assert.Equal(empty.Version.Version + 1, (await table.ReadAll()).Version.Version);
    }

    [Fact]
    public async Task A_write_on_a_stale_table_version_fails_and_changes_nothing()
    {
        await using var table = await TableAsync("yanan");
        var seen = await table.ReadAll();
        Assert.True(await table.InsertRow(Entry(11111, SiloStatus.Active), seen.Version.Next()));

        Assert.False(await table.InsertRow(Entry(11112, SiloStatus.Active), seen.Version.Next()));

        var now = await table.ReadAll();
        Assert.Single(now.Members);
        Assert.Equal(seen.Version.Version + 1, now.Version.Version);
    }

    [Fact]
    public async Task An_update_needs_the_members_newest_etag()
    {
        await using var table = await TableAsync("yanan");
        var joining = Entry(11111, SiloStatus.Joining);
        Assert.True(await table.InsertRow(joining, (await table.ReadAll()).Version.Next()));
        var (_, etag) = (await table.ReadAll()).Members.Single();

        joining.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRow(joining, etag, (await table.ReadAll()).Version.Next()));
        joining.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRow(joining, etag, (await table.ReadAll()).Version.Next()));

        Assert.Equal(SiloStatus.Active, (await table.ReadAll()).Members.Single().Item1.Status);
    }

    [Fact]
    public async Task Clusters_sharing_a_database_never_see_each_others_silos()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("membership");
        await using var yanan = await TableAsync("yanan", connectionString);
        await using var xian = await TableAsync("xian", connectionString);

        Assert.True(await yanan.InsertRow(Entry(11111, SiloStatus.Active), (await yanan.ReadAll()).Version.Next()));

        Assert.Empty((await xian.ReadAll()).Members);
        Assert.Single((await yanan.ReadAll()).Members);
    }

    [Fact]
    public async Task The_heartbeat_and_the_cleanup_touch_only_what_they_name()
    {
        await using var table = await TableAsync("yanan");
        var alive = Entry(11111, SiloStatus.Active);
        var dead = Entry(11112, SiloStatus.Dead);
        Assert.True(await table.InsertRow(alive, (await table.ReadAll()).Version.Next()));
        Assert.True(await table.InsertRow(dead, (await table.ReadAll()).Version.Next()));
        var before = await table.ReadAll();

        alive.IAmAliveTime = Start.AddMinutes(1);
        await table.UpdateIAmAlive(alive);
        await table.CleanupDefunctSiloEntries(Start.AddSeconds(1));

        var after = await table.ReadAll();
        var (row, etag) = after.Members.Single();
        Assert.Equal((alive.SiloAddress, Start.AddMinutes(1)), (row.SiloAddress, row.IAmAliveTime));
        Assert.Equal(before.TryGet(alive.SiloAddress)!.Item2, etag);
        Assert.Equal(before.Version, after.Version);
    }

    private static async Task<PostgresMembershipTable> TableAsync(string clusterId, string? connectionString = null)
    {
        connectionString ??= await PostgresServer.Shared.CreateDatabaseAsync("membership");
        var table = new PostgresMembershipTable(NpgsqlDataSource.Create(connectionString), clusterId, NullLogger<PostgresMembershipTable>.Instance);
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 154366110),
        Status = status,
        ProxyPort = port + 18890,
        HostName = $"host-{port}",
        SiloName = $"silo-{port}",
        StartTime = Start,
        IAmAliveTime = Start,
    };
}
