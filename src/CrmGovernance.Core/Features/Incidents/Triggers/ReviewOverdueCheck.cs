using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>Review-queue items still open after ReviewSlaHours: one ReviewOverdue incident per object, with how many wait.</summary>
public static class ReviewOverdueCheck
{
    public static async Task<IReadOnlyList<IncidentSignal>> FindAsync(CrmDbContext db, GovernanceConfiguration configuration, DateTime now, CancellationToken cancellationToken)
    {
        var hours = configuration.IncidentPolicyFor(null).ReviewSlaHours;
        var cutoff = now - TimeSpan.FromHours(hours);
        var overdue = await db.ReviewItems.Where(i => i.Status == ReviewStatus.Open && i.CreatedUtc < cutoff)
            .GroupBy(i => i.ObjectId).Select(g => new { ObjectId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return overdue.Select(o =>
        {
            var name = configuration.FindObject(o.ObjectId)?.Name ?? "an object";
            var items = o.Count == 1 ? "1 item waits" : $"{o.Count} items wait";
            return new IncidentSignal(IncidentCause.ReviewOverdue, $"The review queue of {name} is overdue",
                $"{items} in the review queue of {name} for longer than {hours} hours.") { ObjectId = o.ObjectId };
        }).ToList();
    }
}
