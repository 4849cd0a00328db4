namespace CityScreen.Storage.Sql;

/// <summary>
/// One step of a database's schema: applied once, in version order. A step is never edited once
/// shipped: a change is a new step, so every database reaches the same schema by the same path.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql);
