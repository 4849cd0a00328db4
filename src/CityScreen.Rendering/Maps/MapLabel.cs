namespace CityScreen.Rendering.Maps;

/// <summary>A placed area name, centred on (X, Y) in pixels.</summary>
internal sealed record MapLabel(string FeatureId, string Text, double X, double Y);
