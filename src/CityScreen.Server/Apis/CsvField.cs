namespace CityScreen.Server.Apis;

/// <summary>One field of an exported CSV file.</summary>
public static class CsvField
{
    /// <summary>
    /// The characters a spreadsheet takes as the start of a formula: = + - @, and TAB and CR, which
    /// some spreadsheets skip before looking for one.
    /// </summary>
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>Quotes a field when it needs it; a formula's first character is neutralised so a spreadsheet never runs it.</summary>
    public static string Of(string value)
    {
        if (value.Length > 0 && FormulaStarts.Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
