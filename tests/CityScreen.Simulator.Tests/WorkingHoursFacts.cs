using CityScreen.Domain.Time;

namespace CityScreen.Simulator.Tests;

/// <summary>Working-hour limits (工作时) with the holiday calendar of seed-data/holidays.json, as the simulator loads it.</summary>
public class WorkingHoursFacts
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly WorkingCalendar Calendar = SeedFiles.Holidays(null, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Theory]
    [InlineData("2026-09-21 09:00", 2, "2026-09-21 11:00")]   // a Monday morning
    [InlineData("2026-09-21 11:00", 2, "2026-09-21 15:00")]   // over the lunch break
    [InlineData("2026-09-21 19:00", 1, "2026-09-22 09:30")]   // after hours: from the next morning
    [InlineData("2026-09-11 17:00", 2, "2026-09-14 09:30")]   // Friday evening to Monday
    [InlineData("2026-09-18 17:00", 2, "2026-09-20 09:30")]   // a 调休 Sunday is a workday
    [InlineData("2026-09-30 17:00", 2, "2026-10-08 09:30")]   // over the National Day holidays
    [InlineData("2026-10-09 17:00", 2, "2026-10-10 09:30")]   // and so is a 调休 Saturday
    [InlineData("2026-09-21 08:30", 7.5, "2026-09-21 18:00")] // one working day
    public void Working_hours_skip_nights_lunch_weekends_and_days_off(string from, double hours, string expected)
    {
        var at = Calendar.AddWorkingHours(new DateTimeOffset(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture), Shanghai), hours);

        Assert.Equal(new DateTimeOffset(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Shanghai), at);
    }

    [Fact]
    public void The_files_can_be_named_by_path_next_to_the_program()
    {
        var events = TestCity.Run(TestCity.Simulator(configure: o =>
        {
            o.DepartmentsFile = "seed-data/departments.json";
            o.HolidaysFile = "seed-data/holidays.json";
        }), TestCity.Monday8, TestCity.Monday8.AddHours(1));
        var builtIn = TestCity.Run(TestCity.Simulator(), TestCity.Monday8, TestCity.Monday8.AddHours(1));

        Assert.Equal(TestCity.AllFields(builtIn), TestCity.AllFields(events));
    }

    [Fact]
    public void A_missing_file_stops_the_simulator_with_its_name()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TestCity.Simulator(configure: o => o.DepartmentsFile = "seed-data/nowhere.json"));

        Assert.Contains("seed-data/nowhere.json", e.Message);
    }
}
