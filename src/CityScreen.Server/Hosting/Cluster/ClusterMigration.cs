using System.Globalization;

namespace CityScreen.Server.Hosting.Cluster;

/// <summary>One numbered script of the cluster schema: <c>0001-membership.sql</c> is version 1.</summary>
public sealed record ClusterMigration(int Version, string Script, string Sql)
{
    public static ClusterMigration FromResource(string script, string sql)
    {
        var dash = script.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(script.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw new InvalidOperationException($"cluster migration '{script}' does not start with its version number (e.g. 0002-name.sql)");
        return new ClusterMigration(version, script, sql);
    }
}
