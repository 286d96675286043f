namespace CrmGovernance.Core.Features.Notifications;

/// <summary>How a delivery leaves the portal.</summary>
public enum DeliveryChannel { Email, Webhook }

/// <summary>Pending → Sending (claimed, until its lease ends) → Sent; after the last attempt, Failed (kept, never deleted).</summary>
public enum DeliveryStatus { Pending, Sending, Sent, Failed }
