namespace CityScreen.Domain.Index;

/// <summary>One of the five dimensions (D1 组织覆盖 … D5 群众满意) and its sub-indicators.</summary>
public sealed record IndexDimension(string Id, string Name, IReadOnlyList<SubIndicator> Indicators);
