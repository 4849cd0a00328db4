namespace CityScreen.Server.Wall;

/// <summary>What one tick of the wall did: whether the page should draw again, and the page a rotation moves on to.</summary>
public readonly record struct ScreenTick(bool Render, string? NavigateTo = null);
