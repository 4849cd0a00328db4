using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class GradeScaleFacts
{
    private static readonly GradeScale Grades = SeedModel.Load().Grades;

    [Theory]
    [InlineData(100, "A", 5)]
    [InlineData(90, "A", 5)]
    [InlineData(89.999, "B", 4)]
    [InlineData(75, "B", 4)]
    [InlineData(74.999, "C", 3)]
    [InlineData(60, "C", 3)]
    [InlineData(59.999, "D", 2)]
    [InlineData(40, "D", 2)]
    [InlineData(39.999, "E", 1)]
    [InlineData(0, "E", 1)]
    public void Of_puts_each_boundary_in_the_higher_grade(double value, string grade, int stars)
    {
        Assert.Equal(grade, Grades.GradeOf(value));
        Assert.Equal(stars, Grades.StarsOf(value));
    }
}
