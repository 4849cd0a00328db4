namespace CityScreen.Areas.Generation;

/// <summary>The contents of the generated seed files, UTF-8 GeoJSON.</summary>
public sealed record DemoCityFiles(byte[] District, byte[] Generated);
