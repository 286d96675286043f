namespace CrmGovernance.Web.Features.Sync;

/// <summary>What someone chose in an error-queue item's detail; the queue page carries it out as it does for a selection.</summary>
public enum ErrorItemAction { Replay, Discard }
