using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class IndexChangeFacts
{
    [Fact]
    public void Since_is_today_minus_yesterday() => Assert.Equal(-2.5, IndexChange.Since(80, 82.5));

    [Fact]
    public void Since_is_null_without_an_index_the_day_before() => Assert.Null(IndexChange.Since(80, null));
}
