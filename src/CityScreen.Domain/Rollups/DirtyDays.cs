using CityScreen.Domain.Time;

namespace CityScreen.Domain.Rollups;

/// <summary>Which days' rollups an event that arrives after they were computed can change.</summary>
public static class DirtyDays
{
    /// <summary>
    /// From the day of the earliest step the event belongs with — the first step of its case (an
    /// order answered late changes the day it was placed, a closing moves the day the case fell
    /// due), the claim of a completed project — or its own day, up to <paramref name="upTo"/>:
    /// a closing or a filing changes every later day's 红灯 stock, and a 12345 report every later
    /// day's repeat complaints. Null when that range is empty.
    /// </summary>
    public static (DateOnly From, DateOnly To)? Of(DateTimeOffset occurredAt, DateTimeOffset? firstRelated, DateOnly upTo, CityClock clock)
    {
        var from = clock.LocalDate(firstRelated is { } f && f < occurredAt ? f : occurredAt);
        return from <= upTo ? (from, upTo) : null;
    }
}
