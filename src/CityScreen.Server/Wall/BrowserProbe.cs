namespace CityScreen.Server.Wall;

/// <summary>
/// What the wall's browser says of itself (<c>cityScreen.wallProbe</c> in wall.js): the tab's wall id,
/// kept across reloads, its viewport, and the JavaScript heap in use where the browser tells it.
/// </summary>
public sealed record BrowserProbe(string Id, int Width, int Height, long? MemoryBytes);
