namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>Whether a system is in use.</summary>
public enum SystemStatus { Planned, Active, Inactive }
