namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>Why a presented token does not let its bearer in.</summary>
public enum AccessTokenRefusal
{
    None,
    /// <summary>Malformed, or no token has that hash.</summary>
    Unknown,
    Revoked,
    Expired,
    /// <summary>The owner was disabled or removed.</summary>
    UserDisabled,
    /// <summary>The owner no longer holds the roles any of the token's scopes needs.</summary>
    RolesLost,
}

/// <summary>What a presented token stands for: its owner, their current roles and the scopes that still work.</summary>
public sealed record AccessTokenValidation(
    AccessTokenRefusal Refusal,
    Guid TokenId = default,
    string UserId = "",
    string Email = "",
    IReadOnlyList<string>? Roles = null,
    IReadOnlyList<string>? Scopes = null)
{
    public bool IsValid => Refusal == AccessTokenRefusal.None;

    public static AccessTokenValidation Refused(AccessTokenRefusal refusal) => new(refusal);

    public string Message => Refusal switch
    {
        AccessTokenRefusal.None => "",
        AccessTokenRefusal.Revoked => "This access token was revoked. Create a new one under Profile, Access tokens.",
        AccessTokenRefusal.Expired => "This access token has expired. Create a new one under Profile, Access tokens.",
        AccessTokenRefusal.UserDisabled => "The account this access token belongs to is disabled.",
        AccessTokenRefusal.RolesLost => "The owner of this access token no longer holds a role its scope needs.",
        _ => "Send a valid personal access token: Authorization: Bearer crmg_…",
    };
}
