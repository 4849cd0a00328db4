using System.Security.Cryptography;
using System.Text;
using CityScreen.Areas;
using CityScreen.Server.Apis;
using CityScreen.Storage.Security;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// Resolves an <c>X-Api-Key</c>: keys issued through the admin API (stored as hashes, each limited
/// to its areas) or the keys of <c>CityScreen:Ingest:ApiKeys</c> (whole city, for development).
/// </summary>
public sealed class IngestKeys(IIngestKeyStore store, IOptionsMonitor<IngestOptions> options)
{
    public const string Prefix = "csk_";

    public async Task<IngestGrant?> ResolveAsync(string presented, CancellationToken cancellationToken)
    {
        if (presented.Length is 0 or > 200) return null;
        var bytes = Encoding.UTF8.GetBytes(presented);
        var configured = false;
        foreach (var key in options.CurrentValue.ApiKeys)
            configured |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        if (configured) return new IngestGrant("configuration", "config", null);
        var stored = await store.FindIngestKeyBySecretHashAsync(Secrets.Sha256(presented), cancellationToken);
        return stored is { RevokedAt: null } ? new IngestGrant(stored.Source, stored.Id, stored.AreaIds) : null;
    }

    /// <summary>Whether the grant lets its source write to <paramref name="areaId"/>.</summary>
    public static bool MayWrite(IngestGrant grant, AreaTree tree, string areaId) =>
        grant.AreaIds is null || grant.AreaIds.Any(root => tree.IsInSubtree(areaId, root));
}
