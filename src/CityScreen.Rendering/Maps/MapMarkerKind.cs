namespace CityScreen.Rendering.Maps;

public enum MapMarkerKind
{
    NewCase,
    RedCase,
    CriticalCase,
}
