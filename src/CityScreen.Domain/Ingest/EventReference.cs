using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Departments;
using CityScreen.Domain.Time;

namespace CityScreen.Domain.Ingest;

/// <summary>
/// The reference data <see cref="EventParser"/> checks events against: the departments a whistle,
/// response, return or rating may name, and the working calendar turning <c>limitHours</c> of
/// <c>limitKind: working</c> into a due time, and the area tree's answer to "is this leaf inside
/// that area" (<see cref="Contains"/>: area id, leaf id; null: not checked). Passed in, so the
/// parser stays a pure function. <see cref="Sites"/> are the service sites a <c>site.served</c> may name.
/// </summary>
public sealed record EventReference(DepartmentDirectory Departments, WorkingCalendar Calendar, Func<string, string, bool>? Contains = null)
{
    public ServiceSiteDirectory Sites { get; init; } = ServiceSiteDirectory.Empty;

    /// <summary>No departments (every department id is unknown) and Monday–Friday working hours.</summary>
    public static readonly EventReference None = new(DepartmentDirectory.Empty, WorkingCalendar.WeekdaysOnly);
}
