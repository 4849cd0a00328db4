using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Index;
using CityScreen.Domain.Rollups;
using CityScreen.Domain.Time;
using CityScreen.Jobs.History;
using CityScreen.Jobs.Indices;
using CityScreen.Jobs.Rollups;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityScreen.Jobs.Tests;

/// <summary>
/// The job's real parts on a real SQLite file in a temporary directory, the test city (or another
/// tree), the shipped index model and a clock the test moves.
/// </summary>
public sealed class JobHarness : IAsyncDisposable
{
    public JobHarness(DateTimeOffset now, AreaTree? tree = null)
    {
        Directory.CreateDirectory(DataDirectory);
        Time = new ManualClock(now);
        Clock = Shanghai.Clock(Time);
        Tree = tree ?? TestCity.Build();
        Leaves = new CityLeaves(Tree);
        Model = IndexModelSource.Load("seed-data/index-model.json", RepositoryRoot.Path);
        Events = new EventStore(CityScreenDatabase.Sqlite(DbPath));
        History = new EventHistory(CityScreenDatabase.Sqlite(DbPath));
        Rollups = new RollupStore(CityScreenDatabase.Sqlite(DbPath));
        Indices = new IndexStore(CityScreenDatabase.Sqlite(DbPath));
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cityscreen-jobs-" + Guid.NewGuid().ToString("N"));
    public string DbPath => Path.Combine(DataDirectory, "cityscreen.db");
    public ManualClock Time { get; }
    public CityClock Clock { get; }
    public AreaTree Tree { get; }
    public CityLeaves Leaves { get; }
    public IndexModel Model { get; }
    public RollupRules Rules { get; } = new();
    public EventStore Events { get; }
    public EventHistory History { get; }
    public RollupStore Rollups { get; }
    public IndexStore Indices { get; }

    public async Task InitializeAsync()
    {
        await Events.InitializeAsync();
        await Rollups.InitializeAsync();
        await Indices.InitializeAsync();
    }

    public Task AppendAsync(IEnumerable<CityEvent> events) => Events.AppendAsync(events.ToList());

    public IndexCatchUp CatchUp(int simulatedHistoryDays = 0) => new(
        Model,
        Clock,
        new RollupRefresher(History, Rollups, Leaves, Clock, Rules, maxCatchUpDays: 400, NullLogger.Instance),
        new IndexComputation(Model, Leaves, Rollups, Indices, NullLogger.Instance),
        Rollups,
        Indices,
        simulatedHistoryDays > 0 ? new SimulatedHistory(Model, Leaves, Rollups, Rules, simulatedHistoryDays, NullLogger.Instance) : null);

    public Task<IndexRunResult> RunAsync(DateRange? forced = null, int simulatedHistoryDays = 0) =>
        CatchUp(simulatedHistoryDays).RunAsync(forced, CancellationToken.None);

    /// <summary>Every stored index row of the shipped model, as comparable text.</summary>
    public async Task<List<string>> RowsAsync()
    {
        var rows = new List<string>();
        await using var c = new SqliteConnection($"Data Source={DbPath}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT date, area_id, model_version, value, grade, stars, rank, change, inputs, weights, explanation FROM index_history ORDER BY date, area_id";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
