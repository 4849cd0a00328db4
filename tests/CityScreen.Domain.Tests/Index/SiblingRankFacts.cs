using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class SiblingRankFacts
{
    [Fact]
    public void Of_ranks_best_first_ties_share_a_rank_and_the_next_skips()
    {
        var ranks = SiblingRank.Of([("c", 70), ("a", 82.5), ("d", 82.5), ("b", 91)]);

        Assert.Equal(1, ranks["b"]);
        Assert.Equal(2, ranks["a"]);
        Assert.Equal(2, ranks["d"]);
        Assert.Equal(4, ranks["c"]);
    }

    [Fact]
    public void Of_treats_values_that_differ_only_in_the_last_bits_as_equal()
    {
        var ranks = SiblingRank.Of([("a", 0.1 + 0.2), ("b", 0.3)]);

        Assert.Equal(ranks["a"], ranks["b"]);
    }

    [Fact]
    public void Of_refuses_an_area_twice() =>
        Assert.Throws<ArgumentException>(() => SiblingRank.Of([("a", 1), ("a", 2)]));
}
