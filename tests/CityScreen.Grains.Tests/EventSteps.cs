using CityScreen.Contracts.Events;

namespace CityScreen.Grains.Tests;

/// <summary>
/// A random but reproducible life of one grid, handed out a batch at a time as its clock moves:
/// cases reported and taken step by step (some steps late, some cases never closed), one case
/// reported at the start and open to the end, now and then a step of a case closed long ago, and
/// the co-building activities with their 30-day and yearly windows.
/// </summary>
public sealed class EventSteps(string grid, Random random)
{
    private readonly List<(string CaseId, int Stage, DateTimeOffset Last)> _cases = [];
    private readonly List<string> _closed = [];
    private readonly List<string> _projects = [];
    private int _n;

    public string LongOpenCase { get; } = $"AJ-{grid}-long";

    public List<CityEvent> Next(DateTimeOffset now)
    {
        var batch = new List<CityEvent>();
        if (_n == 0)
        {
            batch.Add(Report(LongOpenCase, now.AddMinutes(-5)));
            batch.Add(Step(EventTypes.CaseFiled, LongOpenCase, now.AddMinutes(-4)) with { DueAt = now.AddDays(3) });
        }
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var id = $"AJ-{grid}-{_n}";
            // A report can arrive late: it happened up to two days before it is stored.
            var at = now - TimeSpan.FromMinutes(random.Next(1, random.Next(8) == 0 ? 2 * 24 * 60 : 60));
            batch.Add(Report(id, at));
            _cases.Add((id, 0, at));
        }
        for (var i = 0; i < _cases.Count; i++)
        {
            var (id, stage, last) = _cases[i];
            if (random.Next(3) == 0 || stage > 6) continue;
            var at = Later(last, now);
            batch.Add(stage switch
            {
                0 => Step(EventTypes.CaseFiled, id, at) with { DueAt = at.AddHours(random.Next(1, 72)) },
                1 => Step(EventTypes.CaseDispatched, id, at) with { Department = "城管", Whistle = random.Next(6) == 0 },
                2 => Step(EventTypes.CaseResponded, id, at) with { Department = "城管" },
                3 => Step(EventTypes.CaseResolved, id, at),
                4 => random.Next(8) == 0 ? Step(EventTypes.CaseReopened, id, at) with { Reason = "返工" } : Step(EventTypes.CaseClosed, id, at),
                _ => Step(EventTypes.CaseRated, id, at) with { Score = 1 + random.Next(5) },
            });
            // A reopened case goes back to being resolved; a closed one is rated, then done.
            var next = stage == 4 && batch[^1].Type == EventTypes.CaseReopened ? 3 : stage + 1;
            if (next == 6 && random.Next(5) > 0) next = 7;
            _cases[i] = (id, next, at);
            if (next >= 6) _closed.Add(id);
        }
        _cases.RemoveAll(c => c.Stage > 6);
        // A step of a case closed long ago: its history must come back whole.
        if (_closed.Count > 30 && random.Next(4) == 0)
            batch.Add(Step(EventTypes.CaseRated, _closed[random.Next(_closed.Count / 3)], now.AddMinutes(-1)) with { Score = 5 });
        Activities(batch, now);
        return batch;
    }

    private void Activities(List<CityEvent> batch, DateTimeOffset now)
    {
        DateTimeOffset Recent() => now - TimeSpan.FromMinutes(random.Next(1, 3 * 24 * 60));
        batch.Add(Activity(EventTypes.MemberCheckin, Recent()) with { MemberId = $"m{random.Next(40)}", OrgId = "o1" });
        if (random.Next(3) == 0) batch.Add(Activity(EventTypes.MemberRegistered, Recent()) with { MemberId = $"m{random.Next(40)}" });
        if (random.Next(4) == 0) batch.Add(Activity(EventTypes.UnitRegistered, Recent()) with { UnitId = $"u{random.Next(4)}", Name = $"单位{random.Next(4)}" });
        if (random.Next(3) == 0)
            batch.Add(Activity(EventTypes.MeetingHeld, Recent()) with
            {
                OrgId = "o1",
                MeetingKind = random.Next(3) switch { 0 => CoBuildingVocabulary.JointMeeting, 1 => CoBuildingVocabulary.Consultation, _ => "主题党日" },
                AttendeeUnits = ["u1"], Concluded = random.Next(2) == 0,
            });
        if (random.Next(3) == 0)
        {
            var project = $"p{_n}";
            _projects.Add(project);
            batch.Add(Activity(EventTypes.ProjectClaimed, Recent()) with { ProjectId = project, UnitId = $"u{random.Next(4)}" });
        }
        if (_projects.Count > 0 && random.Next(3) == 0)
            batch.Add(Activity(EventTypes.ProjectCompleted, Recent()) with { ProjectId = _projects[random.Next(_projects.Count)], UnitId = "u1" });
        if (_projects.Count > 0 && random.Next(4) == 0)
            batch.Add(Activity(EventTypes.ProjectRated, Recent()) with { ProjectId = _projects[random.Next(_projects.Count)], Score = 1 + random.Next(5) });
        if (random.Next(4) == 0) batch.Add(Activity(EventTypes.PointsAwarded, Recent()) with { MemberId = "m1", Points = 10 });
        if (random.Next(5) == 0) batch.Add(Activity(EventTypes.DepartmentRated, Recent()) with { Department = "城管", Score = 1 + random.Next(5) });
    }

    private DateTimeOffset Later(DateTimeOffset last, DateTimeOffset now)
    {
        var span = (now - last).TotalMinutes;
        return span <= 1 ? now : last.AddMinutes(1 + random.NextDouble() * (span - 1));
    }

    private CityEvent Report(string caseId, DateTimeOffset at) => Step(EventTypes.CaseReported, caseId, at) with
    {
        Kind = CaseVocabulary.Kinds[random.Next(4)], Category = CaseVocabulary.Categories[random.Next(16)],
        Level = random.Next(10) == 0 ? "major" : "normal", Title = "测试案件",
    };

    private CityEvent Step(string type, string caseId, DateTimeOffset at) => Activity(type, at) with { CaseId = caseId };

    private CityEvent Activity(string type, DateTimeOffset at) => new()
    {
        Id = $"s-{grid}-{++_n}", Type = type, OccurredAt = at, GridId = grid, Source = "test",
    };
}
