namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>When a flow runs: on a cron schedule, or as records arrive.</summary>
public enum FlowPattern { Scheduled, EventDriven }
