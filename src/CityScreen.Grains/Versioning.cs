namespace CityScreen.Grains;

/// <summary>
/// Versions of snapshots grow across activations and restarts: a fresh activation starts from
/// the wall clock in microseconds, so a parent or a screen never mistakes a newer snapshot for
/// an older one. (The city clock may be a test clock; versions must not depend on it.)
/// </summary>
internal static class Versioning
{
    public static long Start() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
}
