using System.Security.Claims;
using System.Text.Encodings.Web;
using CrmGovernance.Core.Features.Users.AccessTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Features.Users.Api;

/// <summary>
/// The "AccessToken" scheme: <c>Authorization: Bearer crmg_…</c>, checked by <see cref="AccessTokenValidator"/> on every
/// request. Only the /api policy names it, so the portal's cookie never authenticates an API call (no CSRF surface).
/// Refusals are ProblemDetails JSON: 401 for a missing, unknown, revoked or expired token, 403 for scope and roles.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    public const string ScopeClaim = "scope";
    public const string TokenIdClaim = "token_id";
    private const string Bearer = "Bearer ";
    private const string ValidationKey = "CrmGovernance.AccessTokenValidation";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var validation = await validator.ValidateAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        Context.Items[ValidationKey] = validation;
        if (!validation.IsValid && validation.Refusal != AccessTokenRefusal.RolesLost)
        {
            return AuthenticateResult.Fail(validation.Message);
        }
        if (!validation.IsValid)
        {
            // Known and live, but its owner lost the roles: authenticated without scopes, so the endpoint answers 403.
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(SchemeName)), SchemeName));
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, validation.UserId),
            new(ClaimTypes.Name, validation.Email),
            new(TokenIdClaim, validation.TokenId.ToString()),
        };
        claims.AddRange(validation.Roles!.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(validation.Scopes!.Select(s => new Claim(ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[ValidationKey] is AccessTokenValidation v ? v.Message
            : Request.Headers.Cookie.Count > 0
                ? "The API does not accept the portal's sign-in cookie: send a personal access token, Authorization: Bearer crmg_…"
                : AccessTokenValidation.Refused(AccessTokenRefusal.Unknown).Message;
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var detail = Context.Items[ValidationKey] is AccessTokenValidation { Refusal: AccessTokenRefusal.RolesLost } v ? v.Message
            : Request.Path.StartsWithSegments("/api/insights")
                ? $"This token's scope does not allow this request: it needs the '{AccessTokenScopes.InsightsRead}' scope, and its owner a role that may see insights."
                : $"This token's scope does not allow this request: it needs the '{AccessTokenScopes.IncidentsRead}' scope, and its owner a role that may see incidents.";
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail).ExecuteAsync(Context);
    }
}
