using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Workbook;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>
/// The change request report for auditors and reviewers: one request, or every request active in a period, as an
/// Excel workbook with the diff, the approvals, the comments and the audit rows. Every report taken is an audit event.
/// Scoped: acts as the signed-in user.
/// </summary>
public sealed class ChangeRequestReport(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock,
    PublishedConfiguration published)
{
    /// <summary>ClosedXML holds the whole workbook in memory (about 1 GB per 100,000 rows): a period report stays well below.</summary>
    public const int MaxRequests = 500;

    public async Task<ChangeRequestReportOutcome> ExportAsync(Guid changeRequestId, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == changeRequestId, cancellationToken);
        if (request is null)
        {
            return ChangeRequestReportOutcome.Fail("That change request does not exist.");
        }
        var reported = await WithTimelinesAsync(db, [request], cancellationToken);
        var content = ChangeRequestReportWorkbook.Build(Cover($"{request.Label} · {request.Title}"), reported);

        await audit.RecordAsync(AuditActions.ChangeRequestReportExported, "ChangeRequest", request.Id.ToString("D"),
            new { format = "xlsx", request = request.Label, requests = 1 }, cancellationToken: cancellationToken, changeRequestId: request.Id);
        return new ChangeRequestReportOutcome(new WorkbookFile(content, $"{request.Label}-report.xlsx"), null);
    }

    /// <summary>
    /// Every request created, submitted, decided or otherwise moved to another status (returned to draft, withdrawn)
    /// from <paramref name="fromUtc"/> up to, not including, <paramref name="toUtc"/>. An empty period is refused with a
    /// message rather than given an empty workbook: nothing leaves, so nothing is recorded.
    /// </summary>
    public async Task<ChangeRequestReportOutcome> ExportPeriodAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        var (from, to) = (AsUtc(fromUtc), AsUtc(toUtc));
        if (to <= from)
        {
            return ChangeRequestReportOutcome.Fail("The period must end after it starts: choose a \"to\" date on or after the \"from\" date.");
        }
        var period = Describe(from, to);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await ActiveInAsync(db, from, to, cancellationToken);
        if (ids.Count == 0)
        {
            return ChangeRequestReportOutcome.Fail($"No change request was created, submitted or decided {period}. There is nothing to report: choose another period.");
        }
        if (ids.Count > MaxRequests)
        {
            return ChangeRequestReportOutcome.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{ids.Count:N0} change requests were active {period}; one report holds at most {MaxRequests:N0}. Choose a shorter period."));
        }
        var requests = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).Where(r => ids.Contains(r.Id))
            .OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var reported = await WithTimelinesAsync(db, requests, cancellationToken);
        var content = ChangeRequestReportWorkbook.Build(Cover($"Change requests created, submitted or decided {period}"), reported);

        await audit.RecordAsync(AuditActions.ChangeRequestReportExported, "ChangeRequest", null,
            new { format = "xlsx", fromUtc = from, toUtc = to, requests = requests.Count, labels = string.Join(", ", requests.Select(r => r.Label)) },
            cancellationToken: cancellationToken);
        var lastDay = to.AddTicks(-1);
        return new ChangeRequestReportOutcome(new WorkbookFile(content, $"change-requests-{Day(from)}-to-{Day(lastDay)}.xlsx"), null);
    }

    private static async Task<HashSet<Guid>> ActiveInAsync(CrmDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var ids = await db.ChangeRequests.AsNoTracking()
            .Where(r => (r.CreatedUtc >= from && r.CreatedUtc < to)
                || (r.SubmittedUtc >= from && r.SubmittedUtc < to)
                || (r.DecidedUtc >= from && r.DecidedUtc < to))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        // The request keeps only its latest submission and no date for a withdrawal; its audit rows keep every status change.
        var moved = await db.AuditEntries.AsNoTracking()
            .Where(e => e.TimeUtc >= from && e.TimeUtc < to && e.ChangeRequestId != null && e.EntityType == "ChangeRequest"
                && e.Action == AuditActions.Update && e.Changes.Contains("\"field\":\"Status\""))
            .Select(e => e.ChangeRequestId!.Value).Distinct().ToListAsync(cancellationToken);
        return [.. ids, .. moved];
    }

    private async Task<IReadOnlyList<ReportedRequest>> WithTimelinesAsync(CrmDbContext db, IReadOnlyList<ChangeRequest> requests, CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => (Guid?)r.Id).ToList();
        var rows = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.ChangeRequestId))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var byRequest = rows.ToLookup(e => e.ChangeRequestId!.Value);
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        var names = await AuditNames.ForAsync(db, rows, current, cancellationToken);
        var reported = new List<ReportedRequest>();
        foreach (var request in requests)
        {
            var diff = await ChangeRequestSides.DescribeAsync(db, request, current, cancellationToken);
            reported.Add(new ReportedRequest(request, byRequest[request.Id].ToList(), diff, names));
        }
        return reported;
    }

    private ReportCover Cover(string scope) => new(scope, actor.Name, clock.GetUtcNow().UtcDateTime);

    private void EnsureMayExport() => actor.Ensure(Capability.ReadConfiguration);

    /// <summary>Whole UTC days read as "from … to …" (both included); anything else with its times.</summary>
    private static string Describe(DateTime from, DateTime to) =>
        from.TimeOfDay == TimeSpan.Zero && to.TimeOfDay == TimeSpan.Zero
            ? $"from {Day(from)} to {Day(to.AddDays(-1))} (UTC days, both included)"
            : string.Create(CultureInfo.InvariantCulture, $"from {from:yyyy-MM-dd HH:mm:ss} up to {to:yyyy-MM-dd HH:mm:ss} UTC");

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
