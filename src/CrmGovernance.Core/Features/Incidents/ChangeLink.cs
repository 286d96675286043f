using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// The publish an incident probably followed: the newest version published within the policy's window before the
/// incident began whose diff touched the incident's flow (the flow, its mappings, rules, policy, systems, its object's
/// source of truth or match rule) or system.
/// </summary>
public sealed record ChangeLink(int Version, Guid? ChangeRequestId, string Summary)
{
    /// <summary>Reads like "began 4 minutes after version 12 (CR-31 by ann@…), which changed mapping email → Email, rule Reject test".</summary>
    public static ChangeLink? Find(
        IReadOnlyList<(ConfigurationVersion Version, ChangeRequest? Request, GovernanceConfiguration Before, GovernanceConfiguration After)> publishes,
        Guid? flowId, IReadOnlyList<Guid> systemIds, DateTime beganUtc)
    {
        foreach (var (version, request, before, after) in publishes.OrderByDescending(p => p.Version.Number))
        {
            var touched = ConfigurationDiff.Between(before, after)
                .Where(d => Touches(d, before, after, flowId, systemIds))
                .Select(d => d.DisplayName)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (touched.Count == 0)
            {
                continue;
            }
            var minutes = Math.Max(0, (int)Math.Round((beganUtc - version.PublishedUtc).TotalMinutes));
            var by = request is null ? version.PublishedByName : $"{request.Label} by {request.AuthorName}";
            var what = string.Join(", ", touched.Take(5)) + (touched.Count > 5 ? $" and {touched.Count - 5} more" : "");
            return new(version.Number, version.ChangeRequestId,
                $"Began {minutes} minute{(minutes == 1 ? "" : "s")} after version {version.Number} ({by}), which changed {what}.");
        }
        return null;
    }

    private static bool Touches(ItemDiff diff, GovernanceConfiguration before, GovernanceConfiguration after, Guid? flowId, IReadOnlyList<Guid> systemIds)
    {
        var item = ConfigurationItems.Find(after, diff.Kind, diff.ItemId) ?? ConfigurationItems.Find(before, diff.Kind, diff.ItemId);
        var flow = flowId is { } f ? after.FindFlow(f) ?? before.FindFlow(f) : null;
        return item switch
        {
            DataFlow d => d.Id == flowId,
            FieldMapping m => m.FlowId == flowId,
            BusinessRule r => r.FlowId == flowId,
            IncidentPolicy p => p.FlowId is null || p.FlowId == flowId,
            ConnectedSystem s => systemIds.Contains(s.Id),
            SourceOfTruth s => flow is not null && s.ObjectId == flow.ObjectId,
            MatchRule m => flow is not null && m.ObjectId == flow.ObjectId,
            _ => false,
        };
    }
}
