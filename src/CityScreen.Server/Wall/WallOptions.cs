namespace CityScreen.Server.Wall;

/// <summary>Configuration section <c>CityScreen:Wall</c>.</summary>
public sealed class WallOptions
{
    public const string Section = "CityScreen:Wall";

    /// <summary>Whether a critical case takes the wall over; false keeps a wall on its page (a wall that must not switch, or a test).</summary>
    public bool Takeover { get; set; } = true;
}
