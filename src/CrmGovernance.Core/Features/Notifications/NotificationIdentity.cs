using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>Notifications are addressed by email, which is a portal user's sign-in name.</summary>
internal static class NotificationIdentity
{
    public static string EmailOf(ActorContext actor) =>
        actor.IsAuthenticated && !actor.IsSystem && actor.Name.Contains('@', StringComparison.Ordinal)
            ? actor.Name.Trim().ToLowerInvariant()
            : throw new UnauthorizedAccessException("Only a signed-in person has notifications.");
}
