namespace CrmGovernance.Web.Features.Sync;

/// <summary>The 202 body: the inbox id the payload is stored under (the original one for a repeated idempotency key).</summary>
internal sealed record InboundAccepted(long Id);
