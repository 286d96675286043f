namespace CrmGovernance.Core.Features.Insights.Baselines;

/// <summary>A named baseline as the pages show it, with what it belongs to in words.</summary>
public sealed record BaselineRow(long Id, Guid? ObjectId, Guid? FlowId, string Subject, string Name, DateOnly From, DateOnly To, string SetBy, DateTime SetUtc, bool CanEdit);
