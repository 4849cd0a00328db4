using CityScreen.Contracts.Events;

namespace CityScreen.Grains.Tests;

/// <summary>A random but reproducible mix of case lifecycles and activities over the test city's grids.</summary>
public static class RandomEvents
{
    public static List<CityEvent> Generate(int seed, IReadOnlyList<string> grids, IReadOnlyList<string> communities, DateTimeOffset now, int cases)
    {
        var random = new Random(seed);
        var events = new List<CityEvent>();
        var n = 0;
        CityEvent E(string type, DateTimeOffset at, string grid, string? caseId) => new()
        {
            Id = $"r{seed}-{++n}", Type = type, OccurredAt = at, GridId = grid, Source = "test", CaseId = caseId,
        };
        for (var i = 0; i < cases; i++)
        {
            var grid = grids[random.Next(grids.Count)];
            var caseId = $"AJ{seed}-{i}";
            var start = now - TimeSpan.FromMinutes(random.Next(10, 60 * 24 * 35));
            events.Add(E(EventTypes.CaseReported, start, grid, caseId) with
            {
                Kind = CaseVocabulary.Kinds[random.Next(4)],
                Category = CaseVocabulary.Categories[random.Next(16)],
                Level = random.Next(20) == 0 ? "major" : "normal",
                Title = "测试案件",
            });
            if (random.Next(20) == 0) { events.Add(E(EventTypes.CaseRejected, start.AddMinutes(5), grid, caseId) with { Reason = "重复" }); continue; }
            var filed = start.AddMinutes(random.Next(1, 30));
            if (filed > now) continue;
            events.Add(E(EventTypes.CaseFiled, filed, grid, caseId) with { DueAt = filed.AddHours(random.Next(1, 48)) });
            var dispatched = filed.AddMinutes(random.Next(1, 30));
            if (dispatched > now) continue;
            events.Add(E(EventTypes.CaseDispatched, dispatched, grid, caseId) with { Department = "城管", Whistle = random.Next(5) == 0 });
            var responded = dispatched.AddMinutes(random.Next(1, 90));
            if (responded > now) continue;
            events.Add(E(EventTypes.CaseResponded, responded, grid, caseId) with { Department = "城管" });
            var resolved = responded.AddHours(random.Next(1, 60));
            if (resolved > now || random.Next(6) == 0) continue;
            events.Add(E(EventTypes.CaseResolved, resolved, grid, caseId));
            var closed = resolved.AddHours(1);
            if (closed > now) continue;
            if (random.Next(10) == 0) events.Add(E(EventTypes.CaseReopened, resolved.AddMinutes(30), grid, caseId) with { Reason = "返工" });
            else events.Add(E(EventTypes.CaseClosed, closed, grid, caseId));
            if (random.Next(3) > 0 && closed.AddHours(1) <= now)
                events.Add(E(EventTypes.CaseRated, closed.AddHours(1), grid, caseId) with { Score = 1 + random.Next(5) });
        }
        for (var i = 0; i < cases / 2; i++)
        {
            var at = now - TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 20));
            var onCommunity = random.Next(4) == 0;
            var e = new CityEvent
            {
                Id = $"r{seed}-a{i}", OccurredAt = at, Source = "test",
                GridId = onCommunity ? null : grids[random.Next(grids.Count)],
                CommunityId = onCommunity ? communities[random.Next(communities.Count)] : null,
                Type = onCommunity ? EventTypes.MeetingHeld : EventTypes.MemberCheckin,
                MemberId = $"m{random.Next(30)}", UnitId = "u1", OrgId = "o1", MeetingKind = "主题党日",
            };
            events.Add(e);
        }
        // Upstream systems send late and out of order.
        return events.OrderBy(_ => random.Next()).ToList();
    }
}
