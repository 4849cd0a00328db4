using System.Data;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CityScreen.Server.Hosting.Cluster;

/// <summary>
/// Orleans' membership table in PostgreSQL: the silos of one cluster id and the table version
/// that makes every change conditional. A write succeeds only when the caller saw the newest
/// version (and, for an update, the member's newest etag); otherwise Orleans reads again and
/// retries. Orleans' ADO.NET provider expects its SQL scripts to be installed by hand and its
/// packages no longer ship them; this table brings its own schema (<see cref="ClusterSchema"/>).
/// </summary>
public sealed class PostgresMembershipTable(NpgsqlDataSource database, string clusterId, ILogger<PostgresMembershipTable> logger)
    : IMembershipTable, IAsyncDisposable
{
    private const string MemberColumns = "silo_address, silo_name, host_name, status, proxy_port, suspect_times, start_time, i_am_alive, etag";

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        var applied = await ClusterSchema.MigrateAsync(database);
        if (applied.Count > 0) logger.LogInformation("Cluster schema migrated: {Scripts}", string.Join(", ", applied));
        await using var command = database.CreateCommand(
            "INSERT INTO cluster_versions (cluster_id, version, etag) VALUES (@cluster, 0, 0) ON CONFLICT (cluster_id) DO NOTHING");
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var command = database.CreateCommand("DELETE FROM cluster_versions WHERE cluster_id = @cluster");
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var command = database.CreateCommand(
            "DELETE FROM cluster_members WHERE cluster_id = @cluster AND status = @dead AND i_am_alive < @before");
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("dead", (short)SiloStatus.Dead);
        command.Parameters.AddWithValue("before", beforeDate.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await BumpVersionAsync(connection, transaction, tableVersion)) return false;
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO cluster_members (cluster_id, {MemberColumns})
            VALUES (@cluster, @address, @name, @host, @status, @proxy, @suspects, @start, @alive, 0)
            ON CONFLICT (cluster_id, silo_address) DO NOTHING
            """, connection, transaction);
        AddMember(insert, entry);
        if (await insert.ExecuteNonQueryAsync() != 1) return false;
        await transaction.CommitAsync();
        return true;
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        if (!int.TryParse(etag, out var expected)) return false;
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await BumpVersionAsync(connection, transaction, tableVersion)) return false;
        await using var update = new NpgsqlCommand("""
            UPDATE cluster_members
            SET silo_name = @name, host_name = @host, status = @status, proxy_port = @proxy, suspect_times = @suspects,
                start_time = @start, i_am_alive = @alive, etag = etag + 1
            WHERE cluster_id = @cluster AND silo_address = @address AND etag = @etag
            """, connection, transaction);
        AddMember(update, entry);
        update.Parameters.AddWithValue("etag", expected);
        if (await update.ExecuteNonQueryAsync() != 1) return false;
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>The heartbeat: not a membership decision, so it changes neither version nor etag.</summary>
    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var command = database.CreateCommand(
            "UPDATE cluster_members SET i_am_alive = @alive WHERE cluster_id = @cluster AND silo_address = @address");
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("address", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("alive", Utc(entry.IAmAliveTime));
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    /// <summary>Moves the version on when the caller's view is current; locks the row until the caller's transaction ends.</summary>
    private async Task<bool> BumpVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TableVersion tableVersion)
    {
        if (!int.TryParse(tableVersion.VersionEtag, out var expected)) return false;
        await using var command = new NpgsqlCommand(
            "UPDATE cluster_versions SET version = @version, etag = etag + 1, changed_at = now() WHERE cluster_id = @cluster AND etag = @etag",
            connection, transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("version", tableVersion.Version);
        command.Parameters.AddWithValue("etag", expected);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>The version and the members as of one snapshot of the database.</summary>
    private async Task<MembershipTableData> ReadAsync(SiloAddress? only)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await using var versionCommand = new NpgsqlCommand("SELECT version, etag FROM cluster_versions WHERE cluster_id = @cluster", connection, transaction);
        versionCommand.Parameters.AddWithValue("cluster", clusterId);
        TableVersion version;
        await using (var reader = await versionCommand.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
                throw new InvalidOperationException($"cluster '{clusterId}' has no version row: the membership table was not initialized");
            version = new TableVersion(reader.GetInt32(0), reader.GetInt32(1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await using var members = new NpgsqlCommand(
            $"SELECT {MemberColumns} FROM cluster_members WHERE cluster_id = @cluster" + (only is null ? "" : " AND silo_address = @address"),
            connection, transaction);
        members.Parameters.AddWithValue("cluster", clusterId);
        if (only is not null) members.Parameters.AddWithValue("address", only.ToParsableString());
        var rows = new List<Tuple<MembershipEntry, string>>();
        await using (var reader = await members.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(ReadMember(reader));
        await transaction.CommitAsync();
        return new MembershipTableData(rows, version);
    }

    private void AddMember(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("address", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("name", entry.SiloName ?? "");
        command.Parameters.AddWithValue("host", entry.HostName ?? "");
        command.Parameters.AddWithValue("status", (short)entry.Status);
        command.Parameters.AddWithValue("proxy", entry.ProxyPort);
        command.Parameters.Add(new NpgsqlParameter("suspects", NpgsqlDbType.Jsonb) { Value = SuspectVotes.Write(entry.SuspectTimes) });
        command.Parameters.AddWithValue("start", Utc(entry.StartTime));
        command.Parameters.AddWithValue("alive", Utc(entry.IAmAliveTime));
    }

    private static Tuple<MembershipEntry, string> ReadMember(NpgsqlDataReader reader)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(reader.GetString(0)),
            SiloName = reader.GetString(1),
            HostName = reader.GetString(2),
            Status = (SiloStatus)reader.GetInt16(3),
            ProxyPort = reader.GetInt32(4),
            SuspectTimes = SuspectVotes.Read(reader.GetString(5)),
            StartTime = reader.GetDateTime(6),
            IAmAliveTime = reader.GetDateTime(7),
        };
        return Tuple.Create(entry, reader.GetInt32(8).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Orleans hands over times of unspecified kind that are UTC; PostgreSQL's timestamptz wants that said.</summary>
    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    /// <summary>Which silos suspect this one and since when, as a readable JSON array.</summary>
    private static class SuspectVotes
    {
        public static string Write(List<Tuple<SiloAddress, DateTime>>? votes) => JsonSerializer.Serialize(
            (votes ?? []).Select(v => new Vote(v.Item1.ToParsableString(), Utc(v.Item2))));

        public static List<Tuple<SiloAddress, DateTime>>? Read(string json)
        {
            var votes = JsonSerializer.Deserialize<Vote[]>(json) ?? [];
            return votes.Length == 0 ? null : votes.Select(v => Tuple.Create(SiloAddress.FromParsableString(v.Silo), v.At.ToUniversalTime())).ToList();
        }

        private sealed record Vote(string Silo, DateTime At);
    }
}
