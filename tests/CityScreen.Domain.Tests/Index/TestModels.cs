using System.Text.Json.Nodes;
using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

/// <summary>Small models whose numbers can be followed by hand.</summary>
internal static class TestModels
{
    public const string SourceName = "test-model.json";

    /// <summary>满意 (satisfied / ratings) and 效能 (closedOnTime / dueClose), both scored from 0.5 (0) to 1 (100), equal priors.</summary>
    public const string TwoDimensions = """
        {
          "version": "test.2",
          "windowDays": 30,
          "inputs": [
            { "id": "satisfied", "name": "满意评价数", "kind": "flow" },
            { "id": "ratings", "name": "评价数", "kind": "flow" },
            { "id": "closedOnTime", "name": "按期结案数", "kind": "flow" },
            { "id": "dueClose", "name": "应结案数", "kind": "flow" }
          ],
          "dimensions": [
            { "id": "D1", "name": "满意", "indicators": [
              { "id": "SA01", "name": "群众满意率", "numerator": "satisfied", "denominator": "ratings", "target": 1, "floor": 0.5, "lowerIsBetter": false } ] },
            { "id": "D2", "name": "效能", "indicators": [
              { "id": "EV08", "name": "按期结案率", "numerator": "closedOnTime", "denominator": "dueClose", "target": 1, "floor": 0.5, "lowerIsBetter": false } ] }
          ],
          "ahp": { "matrix": [[1, 1], [1, 1]] },
          "grades": [
            { "grade": "A", "min": 90, "stars": 5 },
            { "grade": "B", "min": 75, "stars": 4 },
            { "grade": "C", "min": 60, "stars": 3 },
            { "grade": "D", "min": 40, "stars": 2 },
            { "grade": "E", "min": 0, "stars": 1 }
          ]
        }
        """;

    public static IndexModel Load(string json) => IndexModelLoader.Parse(json, SourceName);

    public static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }

    /// <summary><see cref="TwoDimensions"/> with a third dimension and the given AHP matrix.</summary>
    public static string ThreeDimensions(string matrix) => Edit(TwoDimensions, m =>
    {
        m["dimensions"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "D3", "name": "共建", "indicators": [
              { "id": "PJ01", "name": "项目完成率", "numerator": "closedOnTime", "denominator": "ratings", "target": 1, "floor": 0, "lowerIsBetter": false } ] }
            """));
        m["ahp"]!["matrix"] = JsonNode.Parse(matrix);
    });

    public static Dictionary<string, double> Inputs(params (string Name, double Value)[] inputs) =>
        inputs.ToDictionary(i => i.Name, i => i.Value, StringComparer.Ordinal);
}
