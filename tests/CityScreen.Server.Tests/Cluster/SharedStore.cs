namespace CityScreen.Server.Tests.Cluster;

/// <summary>Why the cluster's kill test waits: it needs the PostgreSQL event store, which arrives on another branch.</summary>
public static class SharedStore
{
    public const string Pending = "needs CityScreen:Storage:Provider=Postgres (the PostgreSQL event store), not merged yet";
}
