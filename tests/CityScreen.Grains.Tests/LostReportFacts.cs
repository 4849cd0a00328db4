using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Grains.Ingest;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;
using Orleans.TestingHost;

namespace CityScreen.Grains.Tests;

/// <summary>
/// In a cluster a message between area grains can be lost while a host dies (the part of the grain
/// directory it held goes with it). A real cluster here refuses chosen messages the first time, as
/// a dying host would: the tree must still end up counting everything.
/// </summary>
public sealed class LostReportFacts : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-lost-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly AreaTree _tree = TestCity.Build();
    private readonly LossyLinks _links = new();
    private CityClock _clock = null!;
    private EventStore _store = null!;
    private InProcessTestCluster _cluster = null!;
    private EventIngestor _ingestor = null!;

    [Fact]
    public async Task A_report_its_parent_never_received_is_sent_again()
    {
        var grid = _tree.Get(TestCity.Grids(_tree)[0]);
        _links.Refuse("ReportAsync", to: grid.ParentId!, from: grid.Id, times: 2);

        await _ingestor.IngestAsync([Report("lost-1", grid.Id)]);

        await Eventually.HoldsAsync(async () =>
        {
            var city = await _cluster.Client.GetSnapshotAsync(_tree.Root);
            return (city.Values[Counter.ReportedToday] == 1, $"city 今日上报 {city.Values[Counter.ReportedToday]}");
        });
        Assert.Equal(2, _links.Refused);
    }

    [Fact]
    public async Task A_child_that_never_heard_its_new_parent_ask_is_asked_again()
    {
        var grids = TestCity.Grids(_tree).Select(_tree.Get).ToList();
        var community = _tree.Get(grids[0].ParentId!);
        var quiet = grids.First(g => g.ParentId == community.Id && g.Id != grids[0].Id);
        await _ingestor.IngestAsync([Report("asked-1", grids[0].Id)]);
        await Eventually.HoldsAsync(async () => (await _cluster.Client.GetSnapshotAsync(community)).Complete, "the community to hear every child");

        // A new activation of the community asks every child for its snapshot; the quiet grid,
        // active and with nothing new, never hears it, and only asking again makes the community whole.
        _links.Refuse("RepublishAsync", to: quiet.Id, from: null, times: 1);
        await _cluster.Client.GetAggregate(community).Cast<IGrainManagementExtension>().DeactivateOnIdle();

        await Eventually.HoldsAsync(async () =>
        {
            var snapshot = await _cluster.Client.GetSnapshotAsync(community);
            return (_links.Refused == 1 && snapshot.Complete, $"requests refused {_links.Refused}, community complete {snapshot.Complete}");
        });
    }

    private CityEvent Report(string id, string grid) => new()
    {
        Id = id, Type = EventTypes.CaseReported, OccurredAt = _clock.Now.AddMinutes(-1), GridId = grid, Source = "test",
        CaseId = id, Category = CaseVocabulary.Categories[0], Level = "normal", Title = "垃圾堆放", Kind = CaseVocabulary.Kinds[0],
    };

    public async Task InitializeAsync()
    {
        _clock = new CityClock(_time, CityClock.FindZone("Asia/Shanghai"));
        _store = new EventStore(CityScreenDatabase.Sqlite(Path.Combine(_directory, "events.db")));
        await _store.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_tree);
            silo.Services.AddSingleton(_clock);
            silo.Services.AddSingleton<IEventStore>(_store);
            silo.Services.AddSingleton(_links);
            silo.AddIncomingGrainCallFilter<LossyLinks.Filter>();
            silo.Services.Configure<GrainOptions>(o =>
            {
                o.FlushInterval = TimeSpan.FromMilliseconds(20);
                o.ReportRetry = TimeSpan.FromMilliseconds(200);
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _ingestor = new EventIngestor(_tree, _store, _cluster.Client, NullLogger<EventIngestor>.Instance, clock: _clock);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _store.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Which calls between area grains to refuse, and how many times.</summary>
    public sealed class LossyLinks
    {
        private readonly object _gate = new();
        private (string Method, string To, string? From, int Left)? _rule;

        public int Refused { get; private set; }

        public void Refuse(string method, string to, string? from, int times)
        {
            lock (_gate) _rule = (method, to, from, times);
        }

        private bool ShouldRefuse(IIncomingGrainCallContext call)
        {
            lock (_gate)
            {
                if (_rule is not { Left: > 0 } rule || call.MethodName != rule.Method || call.TargetId.Key.ToString() != rule.To) return false;
                if (rule.From is not null && (call.Request.GetArgument(0) as IndicatorSnapshot)?.AreaId != rule.From) return false;
                _rule = rule with { Left = rule.Left - 1 };
                Refused++;
                return true;
            }
        }

        public sealed class Filter(LossyLinks links) : IIncomingGrainCallFilter
        {
            public Task Invoke(IIncomingGrainCallContext context) =>
                links.ShouldRefuse(context) ? throw new InvalidOperationException("refused as a dying host would") : context.Invoke();
        }
    }
}
