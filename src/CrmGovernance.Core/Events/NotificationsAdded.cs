namespace CrmGovernance.Core.Events;

/// <summary>
/// In-app notifications were written for these people (lower-case emails): their bells re-read the unread count. Raised
/// with the notifications, so a screen that hears it finds them committed.
/// </summary>
public sealed record NotificationsAdded(IReadOnlyList<string> Users) : OperationsEvent;
