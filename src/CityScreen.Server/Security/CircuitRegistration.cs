using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CityScreen.Server.Security;

/// <summary>Lists each Blazor circuit in <see cref="OpenScreens"/> while it is open, with the identity it runs as.</summary>
public sealed class CircuitRegistration(OpenScreens screens, AuthenticationStateProvider authentication) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        screens.Opened(circuit.Id, OpenScreens.Circuit, user, () => (authentication as CircuitRevalidation)?.SignOut());
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        screens.Closed(circuit.Id, OpenScreens.Circuit);
        return Task.CompletedTask;
    }
}
