namespace CrmGovernance.Core.Features.Incidents;

/// <summary>What the signed-in person may do on one incident, and why not, so a page can disable a button with its reason.</summary>
public sealed record IncidentPermissions(bool MayWork, string? WorkRefusal, bool MayDraftRollback, string? RollbackRefusal)
{
    public static readonly IncidentPermissions None = new(false, "", false, "");
}
