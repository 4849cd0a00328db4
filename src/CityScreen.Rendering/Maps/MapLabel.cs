namespace CityScreen.Rendering.Maps;

/// <summary>A placed area name, centred on (X, Y) in pixels, at its own font size (a small area gets a smaller or shorter label).</summary>
internal sealed record MapLabel(string FeatureId, string Text, double X, double Y, double FontSize);
