using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Events;

namespace CityScreen.Jobs.Tests;

/// <summary>
/// A plausible day of events in every grid of a city: cases of every kind through their
/// lifecycle (some late, some reopened, some unhappy residents), check-ins, volunteering and
/// meetings, varied by grid so that areas differ. Deterministic: the same day gives the same ids.
/// </summary>
internal static class CityDays
{
    public static List<CityEvent> Events(AreaTree tree, DateOnly day)
    {
        var events = new List<CityEvent>();
        var grids = tree.AtLevel(AreaLevel.Grid).Select(g => g.Id).ToList();
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Shanghai.Offset);
        var tag = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        for (var g = 0; g < grids.Count; g++)
        {
            var grid = grids[g];
            var kinds = new[] { "event", "hotline", "order", "part" };
            for (var c = 0; c < 4; c++)
            {
                var steps = new CaseSteps($"AJ{tag}-{grid}-{c}", grid);
                var reported = start.AddHours(8 + c).AddMinutes(g);
                var late = (g + c) % 5 == 0;
                var kind = kinds[c];
                events.Add(steps.Reported(reported, kind, category: c == 1 ? "噪音扰民" : "市容环境"));
                events.Add(steps.Filed(reported.AddMinutes(10), reported.AddHours(6)));
                if (kind == "order") events.Add(steps.Responded(reported.AddMinutes(20), memberId: $"{grid}-m{(g + c) % 20:D3}"));
                else
                {
                    events.Add(steps.Dispatched(reported.AddMinutes(15), whistle: c == 3));
                    events.Add(steps.Responded(reported.AddMinutes(c == 3 && g % 3 == 0 ? 55 : 25)));
                }
                events.Add(steps.Resolved(reported.AddHours(late ? 7 : 3)));
                if (g % 4 == 1 && c == 0)
                {
                    events.Add(steps.Reopened(reported.AddHours(4)));
                    events.Add(steps.Resolved(reported.AddHours(5)));
                }
                events.Add(steps.Closed(reported.AddHours(late ? 8 : 5)));
                events.Add(steps.Rated(reported.AddHours(9), score: (g + c) % 6 == 0 ? 2 : 5));
            }
            for (var m = 0; m < 3; m++)
                events.Add(Activities.Checkin($"ck{tag}-{grid}-{m}", grid, start.AddHours(10 + m), $"{grid}-m{(g * 3 + m + day.Day) % 20:D3}"));
            events.Add(Activities.Volunteer($"vh{tag}-{grid}", grid, start.AddHours(15), 1.5 + g % 3, member: $"{grid}-m{g % 20:D3}"));
            if ((g + day.Day) % 3 == 0) events.Add(Activities.Meeting($"mt{tag}-{grid}", grid, start.AddHours(19)));
        }
        return events;
    }
}
