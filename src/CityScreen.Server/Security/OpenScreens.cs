using System.Collections.Concurrent;
using System.Security.Claims;

namespace CityScreen.Server.Security;

/// <summary>
/// The hub connections and Blazor circuits open on this host and who opened them, for admins to
/// list (<c>GET /api/admin/sessions</c>) and for closing the ones whose credential is withdrawn.
/// </summary>
public sealed class OpenScreens(TimeProvider time)
{
    public const string Hub = "hub";
    public const string Circuit = "circuit";

    private readonly ConcurrentDictionary<string, Entry> _open = new(StringComparer.Ordinal);

    /// <summary>One open screen; <c>Close</c> ends it (aborts the hub connection, signs the circuit out).</summary>
    public sealed record Entry(string Id, string Kind, ClaimsPrincipal User, DateTimeOffset Since, Action Close);

    public IReadOnlyCollection<Entry> All => _open.Values.ToList();

    /// <summary>How many of one kind (<see cref="Hub"/>, <see cref="Circuit"/>) are open.</summary>
    public int Count(string kind) => _open.Values.Count(e => e.Kind == kind);

    public void Opened(string id, string kind, ClaimsPrincipal user, Action close) =>
        _open[kind + ":" + id] = new Entry(id, kind, user, time.GetUtcNow(), close);

    public void Closed(string id, string kind) => _open.TryRemove(kind + ":" + id, out _);

    /// <summary>Ends every screen opened with that token or session (it was just revoked on this host); answers how many.</summary>
    public int CloseByToken(string tokenId)
    {
        var closing = _open.Values.Where(e => e.User.FindFirst(CityScreenClaims.TokenId)?.Value == tokenId).ToList();
        foreach (var e in closing) e.Close();
        return closing.Count;
    }
}
