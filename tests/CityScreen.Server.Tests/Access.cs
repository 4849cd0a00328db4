using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityScreen.Server.Tests;

/// <summary>Clients with credentials, and tokens and keys issued through the admin API.</summary>
public static class Access
{
    public static HttpClient Basic(Uri baseAddress, string name, string password)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        return http;
    }

    public static HttpClient Bearer(Uri baseAddress, string token)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Issues a token through <c>POST /api/admin/tokens</c>; returns its id and secret.</summary>
    public static async Task<(string Id, string Token)> IssueTokenAsync(HttpClient admin, string role, string? areaId, string name, int? expiresInDays = null)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/tokens", new { role, areaId, name, expiresInDays });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"issuing a token answered {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetString()!, json.GetProperty("token").GetString()!);
    }

    /// <summary>Issues an ingest key through <c>POST /api/admin/ingest-keys</c>; returns its id and secret.</summary>
    public static async Task<(string Id, string Key)> IssueIngestKeyAsync(HttpClient admin, string source, params string[] areaIds)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/ingest-keys", new { source, areaIds });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"issuing a key answered {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetString()!, json.GetProperty("key").GetString()!);
    }
}
