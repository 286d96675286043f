namespace CrmGovernance.Core.Features.Configuration.Versions;

public enum DiffKind { Added, Removed, Changed }
