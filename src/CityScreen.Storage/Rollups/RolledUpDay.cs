namespace CityScreen.Storage.Rollups;

/// <summary>A day whose rollups exist for every leaf, computed from events or simulated for the demo.</summary>
public sealed record RolledUpDay(DateOnly Date, bool Simulated, DateTimeOffset ComputedAt);
