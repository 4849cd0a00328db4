namespace CityScreen.Simulator.Http;

internal static class ServerAddress
{
    /// <summary>
    /// <paramref name="path"/> under the server's base address, keeping any path prefix the base has
    /// (a base without a trailing slash would otherwise lose its last segment).
    /// </summary>
    public static Uri Resolve(Uri server, string path)
    {
        var text = server.ToString();
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), path);
    }
}
