namespace CityScreen.Storage.Indices;

/// <summary>One day of an area's index history, without the explanation behind it.</summary>
public sealed record IndexPoint(DateOnly Date, double? Value, string? Grade, int? Stars, int? Rank, double? Change, bool Simulated);
