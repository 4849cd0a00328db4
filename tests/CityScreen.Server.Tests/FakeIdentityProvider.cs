using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CityScreen.Server.Tests;

/// <summary>
/// A small OpenID Connect provider on its own Kestrel at 127.0.0.1: discovery, an authorize endpoint
/// that signs <see cref="UserName"/> in at once, a token endpoint issuing RS256-signed id tokens, and its keys.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "cityscreen-test";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, string> _nonces = new();
    private WebApplication? _app;

    public string UserName { get; set; } = "";
    public Uri Authority { get; private set; } = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "test-key" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpRequest r) =>
        {
            var code = Guid.NewGuid().ToString("N");
            _nonces[code] = r.Query["nonce"].ToString();
            return Results.Redirect($"{r.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(r.Query["state"].ToString())}");
        });
        _app.MapPost("/token", async (HttpRequest r) =>
        {
            var form = await r.ReadFormAsync();
            if (!_nonces.TryRemove(form["code"].ToString(), out var nonce)) return Results.BadRequest(new { error = "invalid_grant" });
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = ClientId,
                Subject = new ClaimsIdentity([new Claim("sub", "sub-" + UserName), new Claim("preferred_username", UserName), new Claim("nonce", nonce)]),
                IssuedAt = DateTime.UtcNow,
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { id_token = idToken, access_token = "opaque", token_type = "Bearer", expires_in = 300 });
        });
        await _app.StartAsync();
        Authority = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private string Issuer => Authority.ToString().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
