namespace CityScreen.Server.Apis.OpenApi;

/// <summary>One field of an event type as the ingest parser reads it (src/CityScreen.Domain/Ingest/EventParser.cs), for the OpenAPI document.</summary>
public sealed record EventField(string Name, EventFieldKind Kind, bool Required, string Description)
{
    public IReadOnlyList<string>? Allowed { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>Shown in the example body although optional (one of two alternatives, or worth seeing).</summary>
    public bool InExample { get; init; }
}

public enum EventFieldKind { Text, Time, Integer, Number, YesNo, Choice, DepartmentIds, Ids, Location }
