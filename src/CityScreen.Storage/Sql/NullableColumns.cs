using System.Data.Common;

namespace CityScreen.Storage.Sql;

/// <summary>Columns that may be NULL, read the same way from either database.</summary>
internal static class NullableColumns
{
    public static string? GetStringOrNull(this DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    public static double? GetDoubleOrNull(this DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetDouble(column);

    public static int? GetInt32OrNull(this DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetInt32(column);
}
