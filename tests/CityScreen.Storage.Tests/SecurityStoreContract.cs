using System.Data.Common;
using CityScreen.Storage.Security;

namespace CityScreen.Storage.Tests;

/// <summary>
/// What every <see cref="ISecurityStore"/> promises, run against each implementation by a derived
/// class. Two instances on one database stand for two hosts of a cluster.
/// </summary>
public abstract class SecurityStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 30, 0, 123, TimeSpan.Zero);

    /// <summary>A new store instance on this test's database (not yet initialized); every call opens another.</summary>
    protected abstract Task<ISecurityStore> CreateStoreAsync();

    private async Task<ISecurityStore> OpenAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync();
        return store;
    }

    private static AccessToken Token(string id, string hash, DateTimeOffset? createdAt = null, string kind = "token", string? area = "s1") =>
        new(id, kind, "大屏-" + id, "viewer", area, hash, createdAt ?? T0, T0.AddDays(30), null);

    [Fact]
    public async Task The_data_protection_key_ring_is_shared_by_every_host_and_a_key_is_never_overwritten()
    {
        var database = ((SecurityStore)await CreateStoreAsync()).Database;
        var one = new DataProtectionKeyStore(database);
        var other = new DataProtectionKeyStore(database);
        await one.InitializeAsync();
        await other.InitializeAsync();

        await one.AddAsync("key-1", "<key id=\"1\" />");
        await other.AddAsync("key-1", "<key id=\"changed\" />");
        await other.AddAsync("key-2", "<key id=\"2\" />");

        Assert.Equal(["<key id=\"1\" />", "<key id=\"2\" />"], await one.ReadAllAsync());
    }

    [Fact]
    public async Task An_account_is_saved_found_replaced_listed_by_name_and_removed()
    {
        var store = await OpenAsync();

        await store.SaveAccountAsync(new Account("zhang", "viewer", "s1", "h1", T0));
        await store.SaveAccountAsync(new Account("admin", "admin", null, "h0", T0));
        await store.SaveAccountAsync(new Account("zhang", "leader", "d1", "h2", T0.AddHours(1)));

        var zhang = await store.FindAccountAsync("zhang");
        // Replacing keeps when the account was created.
        Assert.Equal(new Account("zhang", "leader", "d1", "h2", T0), zhang);
        Assert.Equal(["admin", "zhang"], (await store.ListAccountsAsync()).Select(a => a.Name));
        Assert.Null((await store.FindAccountAsync("admin"))!.AreaId);
        Assert.Null(await store.FindAccountAsync("li"));

        Assert.True(await store.RemoveAccountAsync("zhang"));
        Assert.False(await store.RemoveAccountAsync("zhang"));
        Assert.Equal(["admin"], (await store.ListAccountsAsync()).Select(a => a.Name));
    }

    [Fact]
    public async Task Adding_an_account_that_exists_changes_nothing()
    {
        var store = await OpenAsync();

        Assert.True(await store.AddAccountIfAbsentAsync(new Account("admin", "admin", null, "first", T0)));
        Assert.False(await store.AddAccountIfAbsentAsync(new Account("admin", "viewer", "s1", "second", T0.AddHours(1))));

        Assert.Equal(new Account("admin", "admin", null, "first", T0), await store.FindAccountAsync("admin"));
    }

    [Fact]
    public async Task Two_hosts_starting_at_once_on_one_database_create_one_admin()
    {
        var hosts = await Task.WhenAll(CreateStoreAsync(), CreateStoreAsync());
        await Task.WhenAll(hosts.Select(h => Task.Run(() => h.InitializeAsync())));

        var added = await Task.WhenAll(hosts.Select((h, i) =>
            Task.Run(() => h.AddAccountIfAbsentAsync(new Account("admin", "admin", null, "hash-of-host-" + i, T0)))));

        var winner = Assert.Single(Enumerable.Range(0, 2), i => added[i]);
        foreach (var host in hosts)
        {
            var admin = Assert.Single(await host.ListAccountsAsync());
            Assert.Equal("hash-of-host-" + winner, admin.PasswordHash);
        }
    }

    [Fact]
    public async Task A_token_is_found_by_its_id_and_an_accounts_sessions_are_revoked_together_leaving_its_tokens_and_others_sessions()
    {
        var store = await OpenAsync();
        var zhangSession = Token("s1", "hash-s1", kind: "session") with { Name = "zhang" };
        var zhangSecond = Token("s2", "hash-s2", kind: "session") with { Name = "zhang" };
        var liSession = Token("s3", "hash-s3", kind: "session") with { Name = "li" };
        var namedToken = Token("t9", "hash-t9") with { Name = "zhang" };
        foreach (var t in new[] { zhangSession, zhangSecond, liSession, namedToken }) await store.AddTokenAsync(t);

        var revoked = await store.RevokeSessionsOfAsync("zhang", T0.AddHours(1));

        Assert.Equal(2, revoked);
        Assert.Equal(T0.AddHours(1), (await store.FindTokenAsync("s1"))!.RevokedAt);
        Assert.Equal(T0.AddHours(1), (await store.FindTokenAsync("s2"))!.RevokedAt);
        Assert.Null((await store.FindTokenAsync("s3"))!.RevokedAt);
        Assert.Equal(namedToken, await store.FindTokenAsync("t9"));
        Assert.Null(await store.FindTokenAsync("nope"));
        Assert.Equal(0, await store.RevokeSessionsOfAsync("zhang", T0.AddHours(2)));
    }

    [Fact]
    public async Task A_token_reads_back_as_issued_and_is_found_only_by_its_hash()
    {
        var store = await OpenAsync();
        var token = Token("t1", "hash-1");
        var forever = new AccessToken("t2", "token", "脚本", "admin", null, "hash-2", T0, null, null);

        await store.AddTokenAsync(token);
        await store.AddTokenAsync(forever);

        Assert.Equal(token, await store.FindTokenBySecretHashAsync("hash-1"));
        Assert.Equal(forever, await store.FindTokenBySecretHashAsync("hash-2"));
        Assert.Null(await store.FindTokenBySecretHashAsync("t1"));
        Assert.Null(await store.FindTokenBySecretHashAsync("hash-3"));
    }

    [Fact]
    public async Task The_token_list_holds_issued_tokens_oldest_first_and_not_sessions()
    {
        var store = await OpenAsync();

        await store.AddTokenAsync(Token("late", "h-late", T0.AddMinutes(5)));
        await store.AddTokenAsync(Token("session", "h-session", T0.AddMinutes(1), kind: "session"));
        await store.AddTokenAsync(Token("early", "h-early", T0));

        Assert.Equal(["early", "late"], (await store.ListTokensAsync()).Select(t => t.Id));
        Assert.NotNull(await store.FindTokenBySecretHashAsync("h-session"));
    }

    [Fact]
    public async Task A_token_is_revoked_once_and_no_longer_valid()
    {
        var store = await OpenAsync();
        await store.AddTokenAsync(Token("t1", "hash-1"));

        Assert.True(await store.RevokeTokenAsync("t1", T0.AddHours(2)));
        Assert.False(await store.RevokeTokenAsync("t1", T0.AddHours(3)));
        Assert.False(await store.RevokeTokenAsync("unknown", T0.AddHours(3)));

        var revoked = (await store.FindTokenBySecretHashAsync("hash-1"))!;
        Assert.Equal(T0.AddHours(2), revoked.RevokedAt);
        Assert.False(revoked.IsValidAt(T0.AddHours(2)));
    }

    [Fact]
    public async Task A_second_token_with_the_same_secret_hash_is_refused_and_the_first_is_kept()
    {
        var store = await OpenAsync();
        await store.AddTokenAsync(Token("t1", "same"));

        await Assert.ThrowsAnyAsync<DbException>(() => store.AddTokenAsync(Token("t2", "same")));

        Assert.Equal("t1", (await store.FindTokenBySecretHashAsync("same"))!.Id);
        Assert.Equal(["t1"], (await store.ListTokensAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task A_token_issued_on_one_host_is_found_and_revoked_on_another()
    {
        var hostA = await OpenAsync();
        var hostB = await OpenAsync();

        await hostA.AddTokenAsync(Token("t1", "hash-1"));
        Assert.True((await hostB.FindTokenBySecretHashAsync("hash-1"))!.IsValidAt(T0));

        Assert.True(await hostB.RevokeTokenAsync("t1", T0.AddHours(1)));

        Assert.False((await hostA.FindTokenBySecretHashAsync("hash-1"))!.IsValidAt(T0.AddHours(1)));
        Assert.False(await hostA.RevokeTokenAsync("t1", T0.AddHours(2)));
        Assert.Equal(T0.AddHours(1), Assert.Single(await hostA.ListTokensAsync()).RevokedAt);
    }

    [Fact]
    public async Task An_ingest_key_keeps_its_areas_in_order_and_is_revoked_once_for_every_host()
    {
        var hostA = await OpenAsync();
        var hostB = await OpenAsync();
        var key = new IngestKey("k1", "12345热线", ["s2", "s1", "c9"], "key-hash", T0, null);
        var single = new IngestKey("k2", "网格通", ["g1"], "key-hash-2", T0.AddMinutes(1), null);

        await hostA.AddIngestKeyAsync(key);
        await hostA.AddIngestKeyAsync(single);

        var found = (await hostB.FindIngestKeyBySecretHashAsync("key-hash"))!;
        Assert.Equal(["s2", "s1", "c9"], found.AreaIds);
        Assert.Equal((key.Id, key.Source, key.SecretHash, key.CreatedAt, key.RevokedAt), (found.Id, found.Source, found.SecretHash, found.CreatedAt, found.RevokedAt));
        Assert.Null(await hostB.FindIngestKeyBySecretHashAsync("k1"));
        Assert.Equal(["k1", "k2"], (await hostB.ListIngestKeysAsync()).Select(k => k.Id));

        Assert.True(await hostB.RevokeIngestKeyAsync("k1", T0.AddDays(1)));
        Assert.False(await hostA.RevokeIngestKeyAsync("k1", T0.AddDays(2)));
        Assert.False(await hostA.RevokeIngestKeyAsync("unknown", T0.AddDays(2)));
        Assert.Equal(T0.AddDays(1), (await hostA.FindIngestKeyBySecretHashAsync("key-hash"))!.RevokedAt);
        Assert.Null((await hostA.FindIngestKeyBySecretHashAsync("key-hash-2"))!.RevokedAt);
    }

    [Fact]
    public async Task The_audit_log_holds_the_entries_of_every_host_newest_first()
    {
        var hostA = await OpenAsync();
        var hostB = await OpenAsync();

        await hostA.AppendAuditAsync(T0, "admin", "token.create", "大屏-1");
        await hostB.AppendAuditAsync(T0.AddSeconds(1), "admin", "token.revoke", "大屏-1");
        await hostA.AppendAuditAsync(T0.AddSeconds(2), "system", "admin.password.preset", "CityScreen:Auth:Admin:Password");

        var all = await hostB.ReadAuditAsync(10);
        Assert.Equal(["admin.password.preset", "token.revoke", "token.create"], all.Select(e => e.Action));
        Assert.Equal([T0.AddSeconds(2), T0.AddSeconds(1), T0], all.Select(e => e.At));
        Assert.Equal("大屏-1", all[1].Detail);
        Assert.True(all[0].Id > all[1].Id && all[1].Id > all[2].Id);
        Assert.Equal(["admin.password.preset", "token.revoke"], (await hostA.ReadAuditAsync(2)).Select(e => e.Action));
    }

    [Fact]
    public async Task Initializing_again_keeps_what_is_stored()
    {
        var store = await OpenAsync();
        await store.AddTokenAsync(Token("t1", "hash-1"));
        await store.AppendAuditAsync(T0, "admin", "token.create", "t1");

        await store.InitializeAsync();
        await (await CreateStoreAsync()).InitializeAsync();

        Assert.NotNull(await store.FindTokenBySecretHashAsync("hash-1"));
        Assert.Single(await store.ReadAuditAsync(10));
    }
}
