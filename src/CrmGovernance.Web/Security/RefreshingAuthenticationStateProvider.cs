using System.Security.Claims;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Security;

/// <summary>
/// Keeps a Blazor circuit's user current. Every <see cref="SecurityOptions.SessionCheckSeconds"/> it runs the
/// <see cref="SessionCheck"/>: a missing or disabled user, or a changed security stamp (sign-out elsewhere, a password
/// or two-factor change), signs the circuit out; changed roles replace the circuit's principal with one built freshly
/// from the database, so menus and pages follow at once. (The template's provider only signs out, every 30 minutes.)
/// </summary>
internal sealed class RefreshingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _interval;
    private readonly ILogger<RefreshingAuthenticationStateProvider> _logger;
    private CancellationTokenSource? _loop;

    public RefreshingAuthenticationStateProvider(IServiceScopeFactory scopes, IOptions<SecurityOptions> options, ILogger<RefreshingAuthenticationStateProvider> logger)
    {
        _scopes = scopes;
        _interval = TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);
        _logger = logger;
        AuthenticationStateChanged += OnChanged;
    }

    private void OnChanged(Task<AuthenticationState> task)
    {
        _loop?.Cancel();
        _loop?.Dispose();
        _loop = new CancellationTokenSource();
        _ = RevalidateLoopAsync(task, _loop.Token);
    }

    private async Task RevalidateLoopAsync(Task<AuthenticationState> current, CancellationToken token)
    {
        var principal = (await current).User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return;
        }
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                var verdict = await CheckAsync(principal, token);
                if (verdict == SessionVerdict.Current)
                {
                    continue;
                }
                var refreshed = verdict == SessionVerdict.Ended ? null : await RefreshAsync(principal);
                if (refreshed is null)
                {
                    SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                    return;
                }
                if (!SameRoles(principal, refreshed))
                {
                    SetAuthenticationState(Task.FromResult(new AuthenticationState(refreshed)));
                    return; // OnChanged starts a new loop for the new principal.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Revalidating the signed-in user failed; signing the circuit out.");
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    private async Task<SessionVerdict> CheckAsync(ClaimsPrincipal principal, CancellationToken token)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCheck>().CheckAsync(principal, token);
    }

    /// <summary>The user's current principal, or null when the session must end.</summary>
    private async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return null;
        }
        var stampClaim = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal.FindFirstValue(stampClaim) != await users.GetSecurityStampAsync(user))
        {
            return null;
        }
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var fresh = await factory.CreateAsync(user);
        return new ClaimsPrincipal(new ClaimsIdentity(fresh.Claims, principal.Identity?.AuthenticationType ?? IdentityConstants.ApplicationScheme));
    }

    private static bool SameRoles(ClaimsPrincipal a, ClaimsPrincipal b) =>
        a.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)
            .SequenceEqual(b.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));

    public void Dispose()
    {
        AuthenticationStateChanged -= OnChanged;
        _loop?.Cancel();
        _loop?.Dispose();
    }
}
