namespace CityScreen.Server.Hosting.Cluster;

/// <summary>How the hosts find each other: <c>CityScreen:Cluster:Provider</c>.</summary>
public enum ClusterProvider
{
    /// <summary>One host on its own (the embedded default).</summary>
    Localhost,

    /// <summary>Any number of hosts sharing the membership table in PostgreSQL.</summary>
    Postgres,
}
