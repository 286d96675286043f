using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.Users;

public sealed record UserRow(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled,
    bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, DateTime CreatedUtc);
