using CityScreen.Server.Apis;

namespace CityScreen.Server.Tests;

/// <summary>An exported field never runs as a spreadsheet formula.</summary>
public class CsvFieldFacts
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    [InlineData("垃圾堆积", "垃圾堆积")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void A_formula_s_first_character_is_neutralised_and_separators_are_quoted(string value, string field) =>
        Assert.Equal(field, CsvField.Of(value));
}
