namespace CityScreen.Domain.Index;

/// <summary>A grade (A–E) held by every index value from <see cref="Min"/> up to the next band, and its stars.</summary>
public sealed record GradeBand(string Grade, double Min, int Stars);
