namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// The inbox id a payload was stored under; <see cref="Duplicate"/>: an earlier request with the same idempotency key stored
/// it. <see cref="DifferentPayload"/>: that earlier request carried another object or payload, so this one was not stored.
/// </summary>
public readonly record struct InboxAcceptance(long Id, bool Duplicate, bool DifferentPayload = false);
