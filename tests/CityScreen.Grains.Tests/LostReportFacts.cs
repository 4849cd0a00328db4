using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;

namespace CityScreen.Grains.Tests;

/// <summary>
/// In a cluster a message between area grains can be lost while a host dies (the part of the grain
/// directory it held goes with it). A real cluster here refuses chosen messages the first time, as
/// a dying host would: the tree must still end up counting everything.
/// </summary>
public sealed class LostReportFacts : IAsyncLifetime
{
    private readonly LossyLinks _links = new();
    private readonly GrainCluster _city;

    public LostReportFacts() => _city = new(TimeProvider.System, o =>
    {
        o.FlushInterval = TimeSpan.FromMilliseconds(20);
        o.ReportRetry = TimeSpan.FromMilliseconds(200);
    }, silo =>
    {
        silo.Services.AddSingleton(_links);
        silo.AddIncomingGrainCallFilter<LossyLinks.Filter>();
    });

    [Fact]
    public async Task A_report_its_parent_never_received_is_sent_again()
    {
        var grid = _city.Tree.Get(TestCity.Grids(_city.Tree)[0]);
        _links.Refuse("ReportAsync", to: grid.ParentId!, from: grid.Id, times: 2);

        await _city.Ingestor.IngestAsync([Report("lost-1", grid.Id)]);

        await Eventually.HoldsAsync(async () =>
        {
            var city = await _city.Cluster.Client.GetSnapshotAsync(_city.Tree.Root);
            return (city.Values[Counter.Reported30] == 1, $"city reported in 30 days {city.Values[Counter.Reported30]}");
        });
        Assert.Equal(2, _links.Refused);
    }

    [Fact]
    public async Task A_child_that_never_heard_its_new_parent_ask_is_asked_again()
    {
        var grids = TestCity.Grids(_city.Tree).Select(_city.Tree.Get).ToList();
        var community = _city.Tree.Get(grids[0].ParentId!);
        var quiet = grids.First(g => g.ParentId == community.Id && g.Id != grids[0].Id);
        await _city.Ingestor.IngestAsync([Report("asked-1", grids[0].Id)]);
        await Eventually.HoldsAsync(async () => (await _city.Cluster.Client.GetSnapshotAsync(community)).Complete, "the community to hear every child");

        // A new activation of the community asks every child for its snapshot; the quiet grid,
        // active and with nothing new, never hears it, and only asking again makes the community whole.
        _links.Refuse("RepublishAsync", to: quiet.Id, from: null, times: 1);
        await _city.Cluster.Client.GetAggregate(community).Cast<IGrainManagementExtension>().DeactivateOnIdle();

        await Eventually.HoldsAsync(async () =>
        {
            var snapshot = await _city.Cluster.Client.GetSnapshotAsync(community);
            return (_links.Refused == 1 && snapshot.Complete, $"requests refused {_links.Refused}, community complete {snapshot.Complete}");
        });
    }

    private CityEvent Report(string id, string grid) => new()
    {
        Id = id, Type = EventTypes.CaseReported, OccurredAt = _city.Clock.Now.AddMinutes(-1), GridId = grid, Source = "test",
        CaseId = id, Category = CaseVocabulary.Categories[0], Level = "normal", Title = "垃圾堆放", Kind = CaseVocabulary.Kinds[0],
    };

    public Task InitializeAsync() => _city.StartAsync();

    public Task DisposeAsync() => _city.DisposeAsync().AsTask();

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
