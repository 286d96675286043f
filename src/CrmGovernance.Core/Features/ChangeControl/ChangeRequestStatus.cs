namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>Draft (being edited by its author) → Submitted (waiting for review) → Approved (published) or Rejected; or Withdrawn.</summary>
public enum ChangeRequestStatus { Draft, Submitted, Approved, Rejected, Withdrawn }
