using System.Text.Json;

namespace CityScreen.Simulator.Http;

/// <summary>The grids of a running server, read from <c>GET /api/areas</c>, to simulate against it.</summary>
public static class RemoteGrids
{
    /// <summary>
    /// Every area of level <c>grid</c>, in the community that is its parent. The list carries no coordinates
    /// or households, so cases get no location and every grid the same weight.
    /// </summary>
    public static async Task<IReadOnlyList<SimulatedArea>> LoadAsync(HttpClient http, Uri server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(ServerAddress.Resolve(server, "api/areas"), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Grids(doc.RootElement);
    }

    internal static IReadOnlyList<SimulatedArea> Grids(JsonElement areas)
    {
        if (areas.ValueKind != JsonValueKind.Array) throw new FormatException("/api/areas did not answer with a JSON array");
        var grids = new List<SimulatedArea>();
        foreach (var area in areas.EnumerateArray())
        {
            if (Text(area, "level") != "grid" || Text(area, "id") is not { } id) continue;
            grids.Add(new SimulatedArea(id, Text(area, "parentId") ?? id, 0, 0, Households: 300, MembersExpected: 15));
        }
        return grids;
    }

    private static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
