namespace CrmGovernance.Web.Features.Systems;

/// <summary>Where later features add to the Systems page (<see cref="CrmGovernance.Web.Components.Shared.PageSlot"/>).</summary>
public static class SystemsSlots
{
    /// <summary>
    /// In each system's row, before its edit actions (Quality offers to assess a system's data).
    /// Parameter: <c>System</c> (<see cref="CrmGovernance.Core.Features.Configuration.Model.ConnectedSystem"/>).
    /// </summary>
    public const string Row = "systems.row";
}
