using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.Users;

/// <summary>What an open session must still match: the user's security stamp, that the user is enabled, and the roles.</summary>
public sealed record UserSessionState(string? SecurityStamp, bool IsDisabled, IReadOnlyList<string> Roles);
