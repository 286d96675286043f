using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;

namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>
/// Reads who moved a request through review, and who wrote its reason and decision comment, from its audit rows
/// (hash-chained, so they show every round: a request can be submitted, taken back and submitted again). The request's
/// own fields fill in what the rows lack, e.g. rows of a request recorded before its status changes were audited.
/// </summary>
internal static class ReportHistory
{
    private const string RequestEntity = "ChangeRequest";

    public static IReadOnlyList<ReportEntry> Approvals(ReportedRequest reported)
    {
        var request = reported.Request;
        var steps = new List<(ChangeRequestStatus Status, ReportEntry Entry)>();
        foreach (var (row, changes) in RequestRows(reported, AuditActions.Update))
        {
            if (Field(changes, nameof(ChangeRequest.Status)) is { New: { } now } && Enum.TryParse<ChangeRequestStatus>(now, out var status))
            {
                var comment = Field(changes, nameof(ChangeRequest.DecisionComment))?.New;
                steps.Add((status, new ReportEntry(Describe(status), row.ActorName, row.TimeUtc, comment)));
            }
        }
        if (request.SubmittedUtc is { } submitted && !steps.Any(s => s.Status == ChangeRequestStatus.Submitted))
        {
            steps.Add((ChangeRequestStatus.Submitted, new ReportEntry(Describe(ChangeRequestStatus.Submitted), request.AuthorName, submitted, null)));
        }
        if (request.DecidedUtc is { } decided && !steps.Any(s => s.Status == request.Status))
        {
            steps.Add((request.Status, new ReportEntry(Describe(request.Status), request.DecidedByName ?? "", decided, request.DecisionComment)));
        }
        return steps.Select(s => s.Entry).OrderBy(e => e.AtUtc).ToList();
    }

    /// <summary>The reason (and each later edit of it) and the decision comment. There is no other comment thread.</summary>
    public static IReadOnlyList<ReportEntry> Comments(ReportedRequest reported)
    {
        var request = reported.Request;
        var comments = new List<ReportEntry> { new("Reason", request.AuthorName, request.CreatedUtc, request.Reason) };
        foreach (var (row, changes) in RequestRows(reported, AuditActions.Update))
        {
            if (Field(changes, nameof(ChangeRequest.Reason)) is { } edit)
            {
                comments.Add(new ReportEntry("Reason edited", row.ActorName, row.TimeUtc, edit.New));
            }
        }
        if (request.DecidedUtc is { } decided && !string.IsNullOrEmpty(request.DecisionComment))
        {
            comments.Add(new ReportEntry("Decision comment", request.DecidedByName ?? "", decided, request.DecisionComment));
        }
        return comments.OrderBy(c => c.AtUtc).ToList();
    }

    public static string Describe(ChangeRequestStatus status) => status switch
    {
        ChangeRequestStatus.Draft => "Returned to draft",
        ChangeRequestStatus.Submitted => "Submitted for review",
        _ => status.ToString(),
    };

    private static IEnumerable<(AuditEntry Row, IReadOnlyList<AuditChange> Changes)> RequestRows(ReportedRequest reported, string action) =>
        reported.Timeline.Where(e => e.EntityType == RequestEntity && e.Action == action).Select(e => (e, AuditChange.Parse(e.Changes)));

    private static AuditChange? Field(IReadOnlyList<AuditChange> changes, string name) =>
        changes.FirstOrDefault(c => string.Equals(c.Field, name, StringComparison.Ordinal));
}
