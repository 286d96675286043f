using System.Security.Claims;
using CrmGovernance.Core.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CrmGovernance.Web.Security;

/// <summary>Fills the circuit's <see cref="ActorContext"/> from its signed-in user, and keeps it current.</summary>
internal sealed class ActorCircuitHandler(AuthenticationStateProvider authentication, ActorContext actor) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        actor.CorrelationId = "circuit:" + circuit.Id;
        Apply((await authentication.GetAuthenticationStateAsync()).User);
        authentication.AuthenticationStateChanged += OnChanged;
    }

    private async void OnChanged(Task<AuthenticationState> state) => Apply((await state).User);

    private void Apply(ClaimsPrincipal user) => ActorMiddleware.Apply(actor, user, AuditSources.Ui);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
