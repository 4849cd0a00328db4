using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class IndexChangeFacts
{
    [Fact]
    public void Since_IsTodayMinusYesterday() => Assert.Equal(-2.5, IndexChange.Since(80, 82.5));

    [Fact]
    public void Since_IsNull_WithoutAnIndexTheDayBefore() => Assert.Null(IndexChange.Since(80, null));
}
