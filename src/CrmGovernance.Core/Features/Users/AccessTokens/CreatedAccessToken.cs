namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>A token just created, with its <see cref="Secret"/>: shown to its owner once, never stored.</summary>
public sealed record CreatedAccessToken(Guid Id, string Name, string Prefix, string Scope, DateTime ExpiresUtc, string Secret);
