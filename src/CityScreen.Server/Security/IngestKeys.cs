using System.Security.Cryptography;
using System.Text;
using CityScreen.Areas;
using CityScreen.Server.Apis;
using CityScreen.Storage.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// Resolves an <c>X-Api-Key</c>: keys issued through the admin API (stored as hashes, each limited
/// to its areas) or the keys of <c>CityScreen:Ingest:ApiKeys</c> (whole city, for development).
/// Random keys must not cost a store lookup each, nor earn a rate bucket of their own: a key that
/// was not found is remembered for <see cref="MissMemory"/>, and only a key that resolved gets
/// its own bucket (<see cref="IsKnown"/>); until then its requests share their client's.
/// </summary>
public sealed class IngestKeys(IIngestKeyStore store, IOptionsMonitor<IngestOptions> options) : IDisposable
{
    public const string Prefix = "csk_";

    /// <summary>How long a key that was not found answers 401 without asking the store (a key issued meanwhile is new, so never among them).</summary>
    public static readonly TimeSpan MissMemory = TimeSpan.FromSeconds(30);

    /// <summary>How long a resolved key keeps its own rate bucket after its last request (resolving it still asks the store each time, so revocation is immediate).</summary>
    private static readonly TimeSpan KnownMemory = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<IngestGrant?> ResolveAsync(string presented, CancellationToken cancellationToken)
    {
        if (presented.Length is 0 or > 200) return null;
        if (IsConfigured(presented)) return new IngestGrant("configuration", "config", null, AnySource: true);
        var hash = Secrets.Sha256(presented);
        if (_recent.TryGetValue(("missing", hash), out _)) return null;
        var stored = await store.FindIngestKeyBySecretHashAsync(hash, cancellationToken);
        if (stored is { RevokedAt: null })
        {
            Remember(("known", hash), KnownMemory);
            return new IngestGrant(stored.Source, stored.Id, stored.AreaIds);
        }
        Remember(("missing", hash), MissMemory);
        return null;
    }

    /// <summary>Whether this key is configured or resolved lately, and so is rate-limited on its own (its hash in <paramref name="hash"/>).</summary>
    public bool IsKnown(string presented, out string hash)
    {
        hash = Secrets.Sha256(presented);
        return _recent.TryGetValue(("known", hash), out _) || IsConfigured(presented);
    }

    private bool IsConfigured(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var configured = false;
        foreach (var key in options.CurrentValue.ApiKeys)
            configured |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        return configured;
    }

    public void Dispose() => _recent.Dispose();

    private void Remember((string, string) key, TimeSpan memory) =>
        _recent.Set(key, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = memory });

    /// <summary>Whether the grant lets its source write to <paramref name="areaId"/>.</summary>
    public static bool MayWrite(IngestGrant grant, AreaTree tree, string areaId) =>
        grant.AreaIds is null || grant.AreaIds.Any(root => tree.IsInSubtree(areaId, root));
}
