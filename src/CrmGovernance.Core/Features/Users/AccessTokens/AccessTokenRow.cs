namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>A token as its owner's list shows it; never the secret or its hash.</summary>
public sealed record AccessTokenRow(
    Guid Id,
    string Name,
    string Prefix,
    string Scope,
    DateTime CreatedUtc,
    DateTime ExpiresUtc,
    DateTime? RevokedUtc,
    DateTime? LastUsedUtc,
    bool Expired)
{
    public bool IsActive => RevokedUtc is null && !Expired;
}
