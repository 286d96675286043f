namespace CrmGovernance.Core.Features.Audit;

/// <summary>A change request offered by the audit log's change request filter: "CR-12 · Title".</summary>
public sealed record ChangeRequestChoice(Guid Id, string Label, string Title);
