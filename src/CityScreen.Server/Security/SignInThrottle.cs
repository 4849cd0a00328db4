using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// Counts failed sign-ins in a sliding window, per account name and per client address, for every
/// way in (HTTP Basic, the <c>/login</c> form, bearer tokens, a page's <c>?token=</c>). It is
/// consulted before the password hash is computed, so a blocked guesser costs no PBKDF2 either.
/// A blocked account answers 429 to everyone until its window has passed: guessing stops, and the
/// owner waits at most one window, never longer. Kept in this host's memory: in a cluster each host
/// counts its own, so the bound is per host (docs/security.md).
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<AuthOptions> options, TimeProvider time)
{
    // Unknown names count too (else the limit would tell which exist); past this many keys the
    // quiet ones are dropped, so a flood of made-up names cannot grow memory without bound.
    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string? accountName, IPAddress? client)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        TimeSpan? wait = null;
        if (accountName is not null) wait = Max(wait, Wait(AccountKey(accountName), o.FailedSignInsPerAccount, o.FailureWindow, now));
        return Max(wait, Wait(ClientKey(client), o.FailedSignInsPerClient, o.FailureWindow, now));
    }

    /// <summary>Records a failure against the account name (when one was given) and the client address.</summary>
    public void Failed(string? accountName, IPAddress? client)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > MaxKeys) Sweep(now - options.CurrentValue.FailureWindow);
        if (accountName is not null) Record(AccountKey(accountName), now);
        Record(ClientKey(client), now);
    }

    private static string AccountKey(string name) => "account:" + name.ToLowerInvariant();

    private static string ClientKey(IPAddress? client) => "client:" + client;

    private void Record(string key, DateTimeOffset now)
    {
        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue) queue.Enqueue(now);
    }

    private TimeSpan? Wait(string key, int limit, TimeSpan window, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue)) return null;
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() <= now - window) queue.Dequeue();
            if (queue.Count < limit) return null;
            // Free again once enough of the counted failures have left the window.
            return queue.ElementAt(queue.Count - limit) + window - now;
        }
    }

    private void Sweep(DateTimeOffset before)
    {
        foreach (var (key, queue) in _failures)
            lock (queue)
                if (queue.Count == 0 || queue.Last() <= before) _failures.TryRemove(key, out _);
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>Whole seconds for <c>Retry-After</c>, at least one.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
