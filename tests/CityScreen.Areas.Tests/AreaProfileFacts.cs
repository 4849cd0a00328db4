namespace CityScreen.Areas.Tests;

public class AreaProfileFacts
{
    [Fact]
    public void Add_sums_every_count()
    {
        var sum = new AreaProfile(1, 2, 3, 4, 5, false).Add(new AreaProfile(10, 20, 30, 40, 50, false));

        Assert.Equal(new AreaProfile(11, 22, 33, 44, 55, false), sum);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void Add_has_a_party_branch_when_either_has_one(bool left, bool right, bool expected)
    {
        var sum = AreaProfile.Empty with { HasPartyBranch = left };

        Assert.Equal(expected, sum.Add(AreaProfile.Empty with { HasPartyBranch = right }).HasPartyBranch);
    }
}
