using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// A Blazor circuit's identity, re-checked every <see cref="AuthOptions.RevalidationInterval"/>: once
/// its credential is withdrawn the circuit is signed out, and <c>SignedOutReload</c> in the layout
/// reloads the page, which then goes through sign-in like any new request.
/// </summary>
public sealed class CircuitRevalidation(ILoggerFactory loggerFactory, CredentialCheck check, IOptionsMonitor<AuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.CurrentValue.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        check.IsStillValidAsync(authenticationState.User, cancellationToken);

    /// <summary>Signs the circuit out now (its token was revoked on this host).</summary>
    public void SignOut() => SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
}
