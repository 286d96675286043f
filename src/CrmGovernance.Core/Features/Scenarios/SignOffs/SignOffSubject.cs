using CrmGovernance.Core.Features.ChangeControl;

namespace CrmGovernance.Core.Features.Scenarios.SignOffs;

/// <summary>
/// A change request as an acceptance reviewer sees it: what it is, who asks, what it changes in words, the reviewer's own
/// sign-off (null when they were not asked) and the content's fingerprint (a sign-off on another one is out of date).
/// </summary>
public sealed record SignOffSubject(string Label, string Title, string Reason, string AuthorName, ChangeRequestStatus Status, IReadOnlyList<string> Changes,
    SignOff? Mine, string Fingerprint);
