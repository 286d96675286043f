namespace CrmGovernance.Web.Features.ChangeControl;

/// <summary>Where later features add to the change request page (<see cref="CrmGovernance.Web.Components.Shared.PageSlot"/>).</summary>
public static class ChangeRequestSlots
{
    /// <summary>
    /// In the review panel, under Approve and Reject, for someone who may review the request (Sync adds its dry runs).
    /// Parameters: <c>Request</c> (<see cref="CrmGovernance.Core.Features.ChangeControl.ChangeRequest"/>, re-read after each
    /// decision) and <c>Disabled</c> (bool, while the page is busy).
    /// </summary>
    public const string Review = "change-request.review";

    /// <summary>
    /// Under the request's reason, for everyone who may read it (Quality adds the state of the data its flows move).
    /// Parameter: <c>Request</c> (<see cref="CrmGovernance.Core.Features.ChangeControl.ChangeRequest"/>).
    /// </summary>
    public const string Context = "change-request.context";
}
