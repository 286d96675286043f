namespace CrmGovernance.Core.Features.Incidents;

/// <summary>The outcome of drafting the rollback of the change an incident followed: the new change request, or why not.</summary>
public sealed record RollbackDraft(OperationResult Outcome, Guid? ChangeRequestId, int? RestoresVersion);
