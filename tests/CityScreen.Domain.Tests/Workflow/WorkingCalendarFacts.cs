using CityScreen.Domain.Departments;
using CityScreen.Domain.Time;
using static CityScreen.Domain.Tests.Workflow.SeedReference;

namespace CityScreen.Domain.Tests.Workflow;

public class WorkingCalendarFacts
{
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Working_hours_skip_the_lunch_break_the_evening_and_the_weekend()
    {
        // Friday 20 Nov 2026, 16:00: two hours that day, then Monday from 08:30.
        Assert.Equal(At(2026, 11, 23, 10, 30), Calendar.AddWorkingHours(At(2026, 11, 20, 16), 4));
        Assert.Equal(At(2026, 11, 20, 15), Calendar.AddWorkingHours(At(2026, 11, 20, 11), 2));
        // Saturday night counts from Monday's start; a limit ending at 18:00 ends there.
        Assert.Equal(At(2026, 11, 23, 18), Calendar.AddWorkingHours(At(2026, 11, 21, 22), 7.5));
    }

    [Fact]
    public void Working_hours_count_a_tiaoxiu_Saturday_and_skip_the_Spring_Festival()
    {
        Assert.True(Calendar.IsWorkday(new DateOnly(2026, 2, 14)));
        Assert.True(Calendar.IsWorkday(new DateOnly(2026, 2, 28)));
        Assert.False(Calendar.IsWorkday(new DateOnly(2026, 2, 16)));
        // Friday 13 Feb, 17:00 + 2 h: one hour on Friday, one on the 调休 Saturday.
        Assert.Equal(At(2026, 2, 14, 9, 30), Calendar.AddWorkingHours(At(2026, 2, 13, 17), 2));
        // Saturday 14 Feb, 17:00 + 8 h: one hour there, then nothing until Tuesday 24 Feb (15–23 off).
        Assert.Equal(At(2026, 2, 24, 17, 30), Calendar.AddWorkingHours(At(2026, 2, 14, 17), 8));
        // Friday 27 Feb, 17:00 + 2 h: the Saturday after is worked too.
        Assert.Equal(At(2026, 2, 28, 9, 30), Calendar.AddWorkingHours(At(2026, 2, 27, 17), 2));
    }

    [Fact]
    public void A_bad_holiday_file_names_the_file_and_the_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"holidays-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, """{"years": {"2026": {"holidays": ["2026-01-01", "2026-13-01"], "workdays": []}}}""");
        try
        {
            var ex = Assert.Throws<ReferenceDataException>(() => WorkingCalendar.Load(path, TestClock.Shanghai.Zone));
            Assert.Equal("years.2026.holidays[1]", ex.Field);
            Assert.StartsWith(Path.GetFileName(path), ex.Message);
        }
        finally { System.IO.File.Delete(path); }
    }

    [Fact]
    public void A_bad_departments_file_names_the_file_and_the_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"departments-{Guid.NewGuid():N}.json");
        try
        {
            System.IO.File.WriteAllText(path, """{"departments": [{"id": "a", "name": "甲", "kind": "城管执法", "level": "district", "streets": ["s1"]}, {"id": "b", "kind": "住建", "level": "district", "streets": ["s1"]}]}""");
            Assert.Equal("departments[1].name", Assert.Throws<ReferenceDataException>(() => DepartmentDirectory.Load(path, _ => true)).Field);
            System.IO.File.WriteAllText(path, """{"departments": [{"id": "a", "name": "甲", "kind": "城管执法", "level": "district", "streets": ["s1", "nowhere"]}]}""");
            var ex = Assert.Throws<ReferenceDataException>(() => DepartmentDirectory.Load(path, id => id == "s1"));
            Assert.Equal("departments[0].streets[1]", ex.Field);
            Assert.Contains("not a street", ex.Message);
            System.IO.File.WriteAllText(path, """{"departments": [{"id": "a", "name": "宝塔区城市管理执法局", "shortName": "宝塔区城市管理局", "kind": "城管执法", "level": "district", "streets": ["s1"]}]}""");
            Assert.Equal("departments[0].shortName", Assert.Throws<ReferenceDataException>(() => DepartmentDirectory.Load(path, _ => true)).Field);
        }
        finally { System.IO.File.Delete(path); }
    }

    [Fact]
    public void The_shipped_departments_serve_streets_of_the_demo_district()
    {
        Assert.Equal(41, SeedReference.Departments.All.Count);
        Assert.True(SeedReference.Departments.Contains(Cgzf));
        Assert.All(SeedReference.Departments.All, d => Assert.NotNull(d.ShortName));
        Assert.True(SeedReference.Departments.TryGet(Cgzf, out var cgzf));
        Assert.Equal("城管执法局", cgzf.Label);
    }
}
