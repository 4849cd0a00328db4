using System.Text;
using System.Text.Json.Nodes;
using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class IndexModelLoaderFacts
{
    [Fact]
    public void Parse_loads_the_seed_model_with_a_consistent_matrix_close_to_the_priors()
    {
        var model = SeedModel.Load();

        Assert.Equal("2026.2", model.Version);
        Assert.Equal(["D1", "D2", "D3", "D4", "D5"], model.Dimensions.Select(d => d.Id));
        Assert.Equal(["组织覆盖", "党员作用", "服务与共建", "治理效能", "群众满意"], model.Dimensions.Select(d => d.Name));
        Assert.True(model.Ahp.ConsistencyRatio < 0.1, $"CR = {model.Ahp.ConsistencyRatio}");
        double[] priors = [0.15, 0.20, 0.20, 0.25, 0.20];
        for (var k = 0; k < priors.Length; k++) Assert.InRange(model.Ahp.Priorities[k], priors[k] - 0.015, priors[k] + 0.015);
        Assert.Equal(1, model.Ahp.Priorities.Sum(), 12);
    }

    [Fact]
    public void Parse_reads_the_seed_models_indicators_and_inputs()
    {
        var model = SeedModel.Load();

        Assert.Equal(
            ["PM03", "OL01", "PM01", "PM04", "VH02", "DS01", "DS02", "PJ01", "NR01", "EV08", "EV06", "EV09", "HL02", "WB01", "EV03K", "SA01", "SA02"],
            model.Indicators.Select(i => i.Id));
        Assert.True(model.Indicator("EV09").LowerIsBetter);
        Assert.Equal(1000, model.Indicator("EV03K").Per);
        Assert.Equal(InputKind.Stock, model.Inputs.Single(i => i.Id == "households").Kind);
        Assert.Null(model.Inputs.Single(i => i.Id == "households").WindowDays);
        Assert.Equal(365, model.Inputs.Single(i => i.Id == "projectsClaimed").WindowDays);
        Assert.Equal(30, model.Inputs.Single(i => i.Id == "membersServing").WindowDays);
        // Every input is used by some indicator, so none is counted for nothing.
        var used = model.Indicators.SelectMany(i => new[] { i.Numerator, i.Denominator }).ToHashSet();
        Assert.All(model.Inputs, input => Assert.Contains(input.Id, used));
    }

    [Fact]
    public void Parse_reads_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SeedModel.Text()));

        Assert.Equal("2026.2", IndexModelLoader.Parse(stream, SeedModel.SourceName).Version);
    }

    [Fact]
    public void Parse_refuses_a_target_not_above_its_floor_naming_the_source_and_path()
    {
        var json = EditSeed(m => m["dimensions"]![3]!["indicators"]![1]!["target"] = 0.5);   // EV06, floor 0.6

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.Equal("seed-data/index-model.json: $.dimensions[3].indicators[1].target: must be greater than floor", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_refuses_a_lower_is_better_target_not_below_its_floor()
    {
        var json = EditSeed(m => m["dimensions"]![3]!["indicators"]![2]!["target"] = 0.2);   // EV09, floor 0.15

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.Equal("seed-data/index-model.json: $.dimensions[3].indicators[2].target: must be less than floor where lower is better", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_refuses_an_inconsistent_matrix_giving_its_consistency_ratio()
    {
        // The cyclic matrix of AhpMatrixFacts: CR = 0.25 / 0.58 = 0.431.
        var json = TestModels.ThreeDimensions("""[[1, 2, "1/2"], ["1/2", 1, 2], [2, "1/2", 1]]""");

        var e = Assert.Throws<IndexModelException>(() => TestModels.Load(json));

        Assert.Equal("test-model.json: $.ahp.matrix: the AHP matrix is inconsistent: CR = 0.431 ≥ 0.1; revise the judgments", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_accepts_fractions_as_strings()
    {
        var model = TestModels.Load(TestModels.ThreeDimensions("""[[1, 3, 5], ["1/3", 1, 3], ["1/5", "1/3", 1]]"""));

        Assert.Equal(0.637, model.Ahp.Priorities[0], 3);
    }

    [Fact]
    public void Parse_refuses_a_matrix_that_is_not_reciprocal()
    {
        var json = EditSeed(m => m["ahp"]!["matrix"]![1]![0] = 3);

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.StartsWith("seed-data/index-model.json: $.ahp.matrix[1][0]: must be the reciprocal of [0][1]", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_refuses_a_matrix_that_is_not_square()
    {
        var json = EditSeed(m => m["ahp"]!["matrix"]![2]!.AsArray().RemoveAt(4));

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.Equal("seed-data/index-model.json: $.ahp.matrix[2]: has 4 entries; the matrix must be square (5 × 5)", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_refuses_a_matrix_of_the_wrong_size()
    {
        var json = TestModels.Edit(TestModels.TwoDimensions, m => m["ahp"]!["matrix"] = JsonNode.Parse("[[1]]"));

        var e = Assert.Throws<IndexModelException>(() => TestModels.Load(json));

        Assert.Contains("$.ahp.matrix: has 1 rows but the model has 2 dimensions", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_refuses_a_non_positive_judgment()
    {
        var json = TestModels.Edit(TestModels.TwoDimensions, m => m["ahp"]!["matrix"] = JsonNode.Parse("""[[1, 0], [1, 1]]"""));

        var e = Assert.Throws<IndexModelException>(() => TestModels.Load(json));

        Assert.Contains(e.Errors, x => x == "test-model.json: $.ahp.matrix[0][1]: must be a positive number");
    }

    [Fact]
    public void Parse_refuses_an_input_that_is_not_declared()
    {
        var json = EditSeed(m => m["dimensions"]![0]!["indicators"]![1]!["numerator"] = "meetings");

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.Equal("seed-data/index-model.json: $.dimensions[0].indicators[1].numerator: 'meetings' is not declared in $.inputs", Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_refuses_a_misspelt_property()
    {
        var json = EditSeed(m =>
        {
            var indicator = m["dimensions"]![4]!["indicators"]![1]!.AsObject();
            indicator.Remove("lowerIsBetter");
            indicator["lowerIsBeter"] = true;
        });

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.Contains(e.Errors, x => x.StartsWith("seed-data/index-model.json: $.dimensions[4].indicators[1].lowerIsBeter: is not a known property"));
        Assert.Contains("seed-data/index-model.json: $.dimensions[4].indicators[1].lowerIsBetter: is required", e.Errors);
    }

    [Fact]
    public void Parse_reports_every_error_at_once()
    {
        var json = EditSeed(m =>
        {
            m["version"] = "";
            m["dimensions"]![2]!["indicators"]![0]!["id"] = "PM03";
            m["grades"]![4]!["min"] = 10;
        });

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.Equal(
        [
            "seed-data/index-model.json: $.version: must be a non-empty string",
            "seed-data/index-model.json: $.dimensions[2].indicators[0].id: 'PM03' is already used at $.dimensions[0].indicators[0].id",
            "seed-data/index-model.json: $.grades[4].min: the lowest grade must start at 0 so every index has a grade",
        ], e.Errors);
        Assert.Contains("$.grades[4].min", e.Message);
    }

    [Fact]
    public void Parse_refuses_grades_out_of_order()
    {
        var json = EditSeed(m => m["grades"]![2]!["min"] = 80);

        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse(json, SeedModel.SourceName));

        Assert.Contains(e.Errors, x => x.StartsWith("seed-data/index-model.json: $.grades[2].min: must be below the min of the grade above (75)"));
    }

    [Fact]
    public void Parse_refuses_malformed_json_naming_the_source()
    {
        var e = Assert.Throws<IndexModelException>(() => IndexModelLoader.Parse("{ \"version\": ", "broken.json"));

        Assert.StartsWith("broken.json: ", Assert.Single(e.Errors));
        Assert.Contains("not valid JSON", e.Message);
    }

    private static string EditSeed(Action<JsonNode> edit) => TestModels.Edit(SeedModel.Text(), edit);
}
