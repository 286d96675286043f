namespace CrmGovernance.Core.Features.Notifications;

/// <summary>How a delivery leaves the portal.</summary>
public enum DeliveryChannel { Email, Webhook }

/// <summary>Pending → Sending (claimed, until its lease ends) → Sent; after the last attempt, Failed (kept, never deleted).</summary>
public enum DeliveryStatus { Pending, Sending, Sent, Failed }

/// <summary>How emails leave: written as .eml files to a pickup folder (development, demos, tests), over SMTP, or not at all.</summary>
public enum EmailMode { Pickup, Smtp, Off }
