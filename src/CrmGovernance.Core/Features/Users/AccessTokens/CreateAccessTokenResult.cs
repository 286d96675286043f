namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>The outcome of creating a token: the token, or the messages that say what to fix.</summary>
public sealed record CreateAccessTokenResult(OperationResult Outcome, CreatedAccessToken? Created)
{
    public bool Succeeded => Outcome.Succeeded && Created is not null;
}
