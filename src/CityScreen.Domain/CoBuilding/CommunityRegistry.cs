using CityScreen.Contracts.Events;

namespace CityScreen.Domain.CoBuilding;

/// <summary>
/// A community's three lists and its units as rows, folded from the events of its leaves in any
/// order (a claim before its project gives the same rows): what leaders read in
/// <c>GET /api/areas/{id}/needs|resources|projects|units</c> and export.
/// </summary>
public sealed class CommunityRegistry
{
    private readonly Dictionary<string, CityEvent> _needs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CityEvent> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CityEvent> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Project> _projects = new(StringComparer.Ordinal);

    private sealed class Project
    {
        public CityEvent? Published;
        public (DateTimeOffset At, string Unit)? Claim;
        public DateTimeOffset? CompletedAt;
        public readonly List<int> Scores = [];
    }

    public void Apply(CityEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.NeedListed: KeepFirst(_needs, e.NeedId!, e); break;
            case EventTypes.ResourceListed: KeepFirst(_resources, e.ResourceId!, e); break;
            // A unit registering again keeps its first registration; a later agreement is its agreement.
            case EventTypes.UnitRegistered:
                _units[e.UnitId!] = _units.TryGetValue(e.UnitId!, out var known) && known.OccurredAt <= e.OccurredAt
                    ? known with { AgreementSignedAt = known.AgreementSignedAt ?? e.AgreementSignedAt }
                    : e with { AgreementSignedAt = e.AgreementSignedAt ?? known?.AgreementSignedAt };
                break;
            case EventTypes.ProjectPublished:
                var p = ProjectOf(e.ProjectId!);
                if (p.Published is null || e.OccurredAt < p.Published.OccurredAt) p.Published = e;
                break;
            case EventTypes.ProjectClaimed:
                var c = ProjectOf(e.ProjectId!);
                if (c.Claim is not { } claim || e.OccurredAt < claim.At) c.Claim = (e.OccurredAt, e.UnitId!);
                break;
            case EventTypes.ProjectCompleted:
                var d = ProjectOf(e.ProjectId!);
                if (d.CompletedAt is not { } done || e.OccurredAt < done) d.CompletedAt = e.OccurredAt;
                break;
            case EventTypes.ProjectRated: ProjectOf(e.ProjectId!).Scores.Add(e.Score ?? 0); break;
        }
    }

    public IReadOnlyList<ProjectRow> Projects() =>
    [
        .. _projects.Select(kv =>
        {
            var (id, p) = (kv.Key, kv.Value);
            var unit = p.Claim?.Unit;
            var status = p.CompletedAt is not null ? "completed" : p.Claim is not null ? "claimed" : "published";
            return new ProjectRow(id, p.Published?.AreaId ?? "", p.Published?.Title, p.Published?.OccurredAt,
                p.Published?.NeedIds ?? [], p.Published?.ResourceIds ?? [], unit, unit is null ? null : _units.GetValueOrDefault(unit)?.Name,
                p.Claim?.At, p.CompletedAt, status, p.Scores.Count, p.Scores.Count == 0 ? null : p.Scores.Average());
        }).OrderByDescending(r => r.PublishedAt ?? r.ClaimedAt).ThenBy(r => r.ProjectId, StringComparer.Ordinal),
    ];

    public IReadOnlyList<NeedRow> Needs()
    {
        var projects = Projects();
        var offered = _resources.Values.Select(r => r.Category).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. _needs.Values.Select(n =>
            {
                var answering = projects.Where(p => p.NeedIds.Contains(n.NeedId!)).ToList();
                var status = answering.Any(p => p.Status == "completed") ? "done"
                    : answering.Count > 0 ? "project"
                    : offered.Contains(n.Category!) ? "matched" : "open";
                return new NeedRow(n.NeedId!, n.AreaId, n.Title!, n.Category!, n.Origin!, n.OccurredAt, status, [.. answering.Select(p => p.ProjectId)]);
            }).OrderByDescending(r => r.ListedAt).ThenBy(r => r.NeedId, StringComparer.Ordinal),
        ];
    }

    public IReadOnlyList<ResourceRow> Resources() =>
    [
        .. _resources.Values.Select(r => new ResourceRow(r.ResourceId!, r.AreaId, r.UnitId!, _units.GetValueOrDefault(r.UnitId!)?.Name, r.Title!, r.Category!, r.OccurredAt))
            .OrderBy(r => r.UnitId, StringComparer.Ordinal).ThenByDescending(r => r.ListedAt),
    ];

    /// <summary>The units, those with most projects completed and best rated first (the 共建单位 ranking).</summary>
    public IReadOnlyList<UnitRow> Units()
    {
        var projects = Projects();
        return
        [
            .. _units.Values.Select(u =>
            {
                var own = projects.Where(p => p.UnitId == u.UnitId).ToList();
                var rated = own.Where(p => p.MeanScore is not null).ToList();
                return new UnitRow(u.UnitId!, u.AreaId, u.Name!, u.Kind!, u.OccurredAt, u.AgreementSignedAt, u.PartyMembers,
                    own.Count, own.Count(p => p.Status == "completed"),
                    rated.Count == 0 ? null : rated.Sum(p => p.MeanScore!.Value * p.Ratings) / rated.Sum(p => p.Ratings),
                    u.AgreementSignedAt is null ? "registered" : "agreement");
            }).OrderByDescending(r => r.ProjectsCompleted).ThenByDescending(r => r.MeanScore ?? 0).ThenBy(r => r.UnitId, StringComparer.Ordinal),
        ];
    }

    private Project ProjectOf(string id)
    {
        if (!_projects.TryGetValue(id, out var p)) _projects[id] = p = new Project();
        return p;
    }

    private static void KeepFirst(Dictionary<string, CityEvent> map, string id, CityEvent e)
    {
        if (!map.TryGetValue(id, out var known) || e.OccurredAt < known.OccurredAt) map[id] = e;
    }
}
