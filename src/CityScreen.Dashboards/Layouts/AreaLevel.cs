namespace CityScreen.Dashboards.Layouts;

/// <summary>
/// The levels of the area tree, the same as <c>CityScreen.Areas.AreaLevel</c>: the same names, the
/// same numbers (top to bottom), so a cast converts one to the other. It is repeated here only so
/// that layouts stay free of the area library (this project uses nothing but the BCL); a test keeps
/// the two alike. A map or a ranking shows children, so layouts name every level but the city.
/// </summary>
public enum AreaLevel
{
    City = 0,
    District = 1,
    Street = 2,
    Community = 3,
    Grid = 4,
}
