using CityScreen.Contracts.Events;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The 共驻共建 registries of one leaf (docs/domain.md §9): the member roster, the resident units, the
/// need and resource lists, the projects published, rated, the joint meetings and consultations,
/// the service sites' visits and the points redeemed. Every item is keyed by its id and merged
/// field by field, so events arriving out of order (a rating before its project) give the same
/// state as in order; the counts are a function of that state and the instant. The lists are a
/// community's hundreds of rows, so the counts are recomputed on every flush without a settled sum.
/// </summary>
public sealed class CoBuildingLog
{
    private readonly Dictionary<string, DateTimeOffset> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset At, DateTimeOffset? AgreementAt)> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _needs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _resources = new(StringComparer.Ordinal);
    /// <summary>Each need a published project answers, from the first such publication.</summary>
    private readonly Dictionary<string, DateTimeOffset> _covered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _published = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, int Score)> _ratings = [];
    private readonly List<(DateTimeOffset At, string[] Units)> _jointMeetings = [];
    private readonly List<(DateTimeOffset At, bool Concluded)> _consultations = [];
    private readonly List<(DateTimeOffset At, int People, string Site)> _siteVisits = [];
    private readonly List<(DateTimeOffset At, int Points)> _redeemed = [];

    /// <summary>The types this log keeps; <see cref="ActivityLog"/> keeps check-ins, claims, completions, points awarded and meetings' count.</summary>
    public static bool Keeps(string type) => type is EventTypes.UnitRegistered or EventTypes.MemberRegistered or EventTypes.NeedListed
        or EventTypes.ResourceListed or EventTypes.ProjectPublished or EventTypes.ProjectRated or EventTypes.SiteServed
        or EventTypes.PointsRedeemed or EventTypes.MeetingHeld;

    /// <summary>The members registered here by <paramref name="now"/> (this leaf's roster), sorted.</summary>
    public string[] RosterAt(DateTimeOffset now) =>
        [.. _members.Where(m => m.Value <= now).Select(m => m.Key).Order(StringComparer.Ordinal)];

    public void Apply(CityEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.MemberRegistered: _members[e.MemberId!] = Earlier(_members, e.MemberId!, e.OccurredAt); break;
            case EventTypes.UnitRegistered:
            {
                var known = _units.GetValueOrDefault(e.UnitId!, (e.OccurredAt, null));
                // A unit registering again (a new agreement) keeps its first registration and its earliest agreement.
                _units[e.UnitId!] = (known.At <= e.OccurredAt ? known.At : e.OccurredAt, EarlierOf(known.AgreementAt, e.AgreementSignedAt));
                break;
            }
            case EventTypes.NeedListed: _needs[e.NeedId!] = Earlier(_needs, e.NeedId!, e.OccurredAt); break;
            case EventTypes.ResourceListed: _resources[e.ResourceId!] = Earlier(_resources, e.ResourceId!, e.OccurredAt); break;
            case EventTypes.ProjectPublished:
                _published[e.ProjectId!] = Earlier(_published, e.ProjectId!, e.OccurredAt);
                foreach (var need in e.NeedIds ?? []) _covered[need] = Earlier(_covered, need, e.OccurredAt);
                break;
            case EventTypes.ProjectRated: _ratings.Add((e.OccurredAt, e.Score ?? 0)); break;
            case EventTypes.SiteServed: _siteVisits.Add((e.OccurredAt, e.People ?? 0, e.SiteId!)); break;
            case EventTypes.PointsRedeemed: _redeemed.Add((e.OccurredAt, e.Points ?? 0)); break;
            case EventTypes.MeetingHeld:
                if (e.MeetingKind == CoBuildingVocabulary.JointMeeting) _jointMeetings.Add((e.OccurredAt, e.AttendeeUnits ?? []));
                else if (e.MeetingKind == CoBuildingVocabulary.Consultation) _consultations.Add((e.OccurredAt, e.Concluded ?? false));
                break;
            default: throw new ArgumentException($"'{e.Type}' is not a co-building event", nameof(e));
        }
    }

    public void AddTo(long[] counters, Window w)
    {
        var now = w.Now;
        counters[(int)MembersRegistered] += _members.Values.Count(at => at <= now);
        foreach (var (at, agreement) in _units.Values)
        {
            if (at > now) continue;
            counters[(int)UnitsRegistered]++;
            if (agreement <= now) counters[(int)UnitsWithAgreement]++;
        }
        counters[(int)NeedsListed] += _needs.Values.Count(at => at <= now);
        counters[(int)NeedsCovered] += _covered.Values.Count(at => at <= now);
        counters[(int)ResourcesListed] += _resources.Values.Count(at => at <= now);
        counters[(int)ProjectsPublishedYear] += _published.Values.Count(w.InYear);
        foreach (var (at, score) in _ratings)
        {
            if (!w.InYear(at)) continue;
            counters[(int)ProjectRatingsYear]++;
            if (score >= 4) counters[(int)ProjectRatingsSatisfiedYear]++;
        }
        foreach (var (at, units) in _jointMeetings)
        {
            if (!w.InYear(at)) continue;
            counters[(int)JointMeetingsYear]++;
            counters[(int)JointAttendancesYear] += units.Length;
            // Invited: the units registered here when the meeting was held (at least those who came).
            counters[(int)JointInvitationsYear] += Math.Max(units.Length, _units.Values.Count(u => u.At <= at));
        }
        foreach (var (at, concluded) in _consultations)
        {
            if (!w.In30(at)) continue;
            counters[(int)Consultations30]++;
            if (concluded) counters[(int)ConsultationsConcluded30]++;
        }
        foreach (var (at, people, _) in _siteVisits)
            if (w.In30(at)) counters[(int)SitePeople30] += people;
        foreach (var (at, points) in _redeemed)
            if (w.In30(at)) counters[(int)PointsRedeemed30] += points;
    }

    /// <summary>Per site, its latest visit in 30 days up to the window's now.</summary>
    public Dictionary<string, DateTimeOffset> SitesServedAt(Window w)
    {
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (at, _, site) in _siteVisits)
            if (w.In30(at) && (!last.TryGetValue(site, out var known) || known < at)) last[site] = at;
        return last;
    }

    /// <summary>Forgets windowed rows no window can see any more; the registries themselves stay.</summary>
    public void Prune(DateTimeOffset before, DateTimeOffset yearStart)
    {
        _ratings.RemoveAll(r => r.At < yearStart);
        _jointMeetings.RemoveAll(m => m.At < yearStart);
        _consultations.RemoveAll(c => c.At < before);
        _siteVisits.RemoveAll(v => v.At < before);
        _redeemed.RemoveAll(r => r.At < before);
    }

    private static DateTimeOffset Earlier(Dictionary<string, DateTimeOffset> map, string id, DateTimeOffset at) =>
        map.TryGetValue(id, out var known) && known <= at ? known : at;

    private static DateTimeOffset? EarlierOf(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && (b is not { } y || x <= y) ? x : b;
}
