namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>A flow's trigger as Quartz's shared store has it: the due time of its last fire, its next, and its fires executing now.</summary>
internal sealed record FlowTrigger(DateTime? PreviousDueUtc, DateTime? NextDueUtc, int Executing);
