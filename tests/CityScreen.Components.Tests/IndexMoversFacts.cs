using CityScreen.Domain.Index;
using CityScreen.Server.Wall;

namespace CityScreen.Components.Tests;

public sealed class IndexMoversFacts
{
    private static readonly DateOnly Date = new(2026, 11, 2);

    // Before: D4 = 0.3 × (0.5 × 80 + 0.5 × 100) = 27, D5 = 0.2 × 80 = 16.
    // Today the model moves weight from 每千户超期案件数 to 按期结案率, whose figures stay the same
    // (EV03K −9, EV08 +7.2), and 群众满意率 falls from 90 % to 88 % (−0.8).
    private static readonly IndexExplanation Before = Night(43, 0.5, 0.5, 80, 0.90);
    private static readonly IndexExplanation Today = Night(40.4, 0.8, 0.2, 76, 0.88);

    private static IndexExplanation Night(double value, double ev08Weight, double ev03kWeight, double sa01Score, double sa01) => new("x", Date, value, "t",
    [
        new DimensionExplanation("D4", "治理效能", 0.3, ev08Weight * 80 + ev03kWeight * 100,
        [
            new IndicatorExplanation("EV08", "按期结案率", 0.9, 80, ev08Weight, 90, 100),
            new IndicatorExplanation("EV03K", "每千户超期案件数", 0, 100, ev03kWeight, 0, 400),
        ]),
        new DimensionExplanation("D5", "群众满意", 0.2, sa01Score, [new IndicatorExplanation("SA01", "群众满意率", sa01, sa01Score, 1, 100 * sa01, 100)]),
    ]);

    [Fact]
    public void A_weight_change_is_named_as_such_and_the_unchanged_figure_is_never_given_as_the_reason()
    {
        var movers = IndexMovers.Top(ShippedIndexModel.Model, Today, Before, 10);

        var biggest = movers[0];
        Assert.Equal("EV03K", biggest.IndicatorId);
        Assert.Equal(-9, biggest.Change, 9);
        Assert.Equal("D4 治理效能 −1.8：每千户超期案件数 权重调整 15% → 6%，0件/千户 未变", biggest.Text);
        Assert.DoesNotContain("0件/千户 → 0件/千户", biggest.Text);
        Assert.Contains("权重调整 15% → 24%，90% 未变", movers.Single(m => m.IndicatorId == "EV08").Text);
        Assert.Contains("群众满意率 90% → 88%", movers.Single(m => m.IndicatorId == "SA01").Text);
    }

    [Fact]
    public void The_wall_headline_names_the_sub_indicator_whose_figure_moved_when_there_is_one()
    {
        var headline = IndexMovers.Top(ShippedIndexModel.Model, Today, Before, 1, figuresFirst: true).Single();

        Assert.Equal("SA01", headline.IndicatorId);
        Assert.Equal("D5 群众满意 −0.8：群众满意率 90% → 88%（未达标 +2 件）", headline.Text);
    }

    [Fact]
    public void A_score_shrunk_toward_the_parent_is_shown_as_the_score_that_changed()
    {
        static IndexExplanation Shrunk(double score, double credibility) => new("x", Date, 0.3 * score, "t",
            [new DimensionExplanation("D4", "治理效能", 0.3, score, [new IndicatorExplanation("EV08", "按期结案率", 0.9, score, 1, 9, 10, 0.9, credibility)])]);

        var mover = IndexMovers.Top(ShippedIndexModel.Model, Shrunk(70, 0.5), Shrunk(80, 0.6), 1, figuresFirst: true).Single();

        Assert.Equal("D4 治理效能 −3.0：按期结案率 得分 80.0 → 70.0（样本少，向上级收缩），90% 未变", mover.Text);
    }
}
