using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;

namespace CrmGovernance.Benchmarks.Audit;

/// <summary>The filters the audit browse benchmark pages through, over rows made by <c>AuditRowSeeder.Synthetic</c>.</summary>
internal static class AuditBrowseCases
{
    public static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Every tenth synthetic row belongs to one of these (fixed, so a kept database is browsed alike).</summary>
    public static readonly Guid[] ChangeRequests =
        [.. Enumerable.Range(1, 20).Select(k => new Guid($"5ca1ab1e-0000-4000-8000-{k:D12}"))];

    public static IReadOnlyList<(string Name, AuditLogFilter Filter)> For(long rows)
    {
        // Synthetic rows are 250 ms apart: this is the second quarter of the log's time span.
        var from = Start.AddMilliseconds(rows * 250 / 4);
        var to = Start.AddMilliseconds(rows * 250 / 2);
        var request = ChangeRequests[7];
        return
        [
            ("unfiltered", new AuditLogFilter()),
            ("time range", new AuditLogFilter(FromUtc: from, ToUtc: to)),
            ("actor", new AuditLogFilter(Actor: "ada@example.com")),
            ("entity type", new AuditLogFilter(EntityType: "User")),
            ("entity type+id", new AuditLogFilter(EntityType: "User", EntityId: "2")),
            ("action", new AuditLogFilter(Action: AuditActions.Update)),
            ("source", new AuditLogFilter(Source: AuditSources.Worker)),
            ("change request", new AuditLogFilter(ChangeRequestId: request)),
            ("search common word", new AuditLogFilter(Search: "berlin")),
            ("search phrase prefix", new AuditLogFilter(Search: "munich 4242")),
            ("action+entity type", new AuditLogFilter(EntityType: "ChangeRequest", Action: AuditActions.Update)),
            ("actor+source+time", new AuditLogFilter(FromUtc: from, ToUtc: to, Actor: "grace@example.com", Source: AuditSources.Ui)),
            ("search+action", new AuditLogFilter(Action: AuditActions.Delete, Search: "website")),
            ("search+time", new AuditLogFilter(FromUtc: from, ToUtc: to, Search: "pending")),
            ("change request+action", new AuditLogFilter(Action: AuditActions.Insert, ChangeRequestId: request)),
            ("type+action+source+time", new AuditLogFilter(FromUtc: from, ToUtc: to, EntityType: "User", Action: AuditActions.Update, Source: AuditSources.Ui)),
        ];
    }
}
