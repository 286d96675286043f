namespace CrmGovernance.Core.Features.Scenarios.SignOffs;

/// <summary>Where an acceptance reviewer stands: asked, agreed, or raised a concern.</summary>
public enum SignOffDecision { Pending, SignedOff, Concern }

/// <summary>
/// An acceptance reviewer named on a change request (anyone who signs in: sales, marketing, operations, service) and
/// their answer: that the change fits how their team works, or a concern. A sign-off holds for the content it was given
/// on (<see cref="Fingerprint"/>); a request changed since needs it again.
/// </summary>
public sealed class SignOff
{
    public Guid Id { get; set; }
    public Guid ChangeRequestId { get; set; }
    public string ReviewerId { get; set; } = "";
    public string ReviewerName { get; set; } = "";
    public string ReviewerEmail { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedUtc { get; set; }
    public SignOffDecision Decision { get; set; }
    public string? Comment { get; set; }
    public DateTime? DecidedUtc { get; set; }

    /// <summary>The request's content the answer was given on (<c>ChangeRequestChecks.Fingerprint</c>).</summary>
    public string? Fingerprint { get; set; }
}
