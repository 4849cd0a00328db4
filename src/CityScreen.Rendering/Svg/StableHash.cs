using System.Text;

namespace CityScreen.Rendering.Svg;

/// <summary>FNV-1a over UTF-8. string.GetHashCode is randomised per process, which would break byte-identical output.</summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
