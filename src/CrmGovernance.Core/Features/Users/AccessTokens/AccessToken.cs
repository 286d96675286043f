namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>
/// A personal access token for the read API: a person's own key, with a scope and an end. Only the SHA-256 hash of the
/// secret is stored; the secret is shown once, when the token is created.
/// </summary>
public sealed class AccessToken
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The owner's email when the token was created, so lists and audit rows read plainly.</summary>
    public string UserEmail { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>"crmg_" and eight hex characters: not secret, tells tokens apart and finds the row to compare.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>Space-separated scopes (<see cref="AccessTokenScopes"/>).</summary>
    public string Scope { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    /// <summary>Who revoked it: the owner, or an admin.</summary>
    public string? RevokedBy { get; set; }
    /// <summary>Updated at most once a minute, outside the audit trail (it is use, not a change).</summary>
    public DateTime? LastUsedUtc { get; set; }
}
