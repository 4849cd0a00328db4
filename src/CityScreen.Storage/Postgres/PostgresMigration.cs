namespace CityScreen.Storage.Postgres;

/// <summary>One step of the PostgreSQL schema: applied once, in version order, recorded in <c>cityscreen_migrations</c>.</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
