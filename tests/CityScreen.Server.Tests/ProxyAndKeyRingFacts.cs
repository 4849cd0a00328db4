using System.Net;
using CityScreen.Storage.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

/// <summary>Several hosts behind a proxy: the proxy's client addresses count, and the key ring is in the shared store.</summary>
public class ProxyAndKeyRingFacts
{
    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_bucket()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Proxy:KnownProxies:0", "127.0.0.1",
            "--CityScreen:Ingest:RateLimit:RequestsPerSecond", "1", "--CityScreen:Ingest:RateLimit:Burst", "2");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        async Task<HttpStatusCode> PostFromAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = Payloads.Json("[]") };
            request.Headers.Add("X-Forwarded-For", client);
            return (await http.SendAsync(request)).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) first.Add(await PostFromAsync("203.0.113.1"));
        var second = await PostFromAsync("203.0.113.2");

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.Unauthorized, second);
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Ingest:RateLimit:RequestsPerSecond", "1", "--CityScreen:Ingest:RateLimit:Burst", "2");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = Payloads.Json("[]") };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            answers.Add((await http.SendAsync(request)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
    }

    [Fact]
    public async Task What_one_host_protected_another_on_the_same_store_reads()
    {
        await using var first = new ServerHost();
        await first.StartAsync();
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("签到表单");
        Assert.NotEmpty(await first.Services.GetRequiredService<DataProtectionKeyStore>().ReadAllAsync());
        await first.StopAsync();
        // The next host on the same store (here the same SQLite file after the first stopped; in a cluster the shared PostgreSQL).
        await using var second = new ServerHost(first.DataDirectory);
        await second.StartAsync();

        Assert.Equal("签到表单", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }
}
