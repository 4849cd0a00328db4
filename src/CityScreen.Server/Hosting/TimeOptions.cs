using System.ComponentModel.DataAnnotations;
using CityScreen.Domain.Time;

namespace CityScreen.Server.Hosting;

/// <summary>Configuration key <c>CityScreen:TimeZone</c>: the zone of the city's local days and midnight.</summary>
public sealed class TimeOptions
{
    public const string Section = "CityScreen";

    [Required]
    public string TimeZone { get; set; } = CityClock.DefaultZone;

    public bool IsKnownZone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
}
