namespace CityScreen.Areas;

/// <summary>The levels of the area tree, top to bottom; the numeric order is the tree order.</summary>
public enum AreaLevel
{
    City,
    District,
    Street,
    Community,
    Grid,
}
