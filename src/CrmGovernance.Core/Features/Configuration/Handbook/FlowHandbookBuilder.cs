using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;

namespace CrmGovernance.Core.Features.Configuration.Handbook;

/// <summary>Builds a flow's handbook from a published configuration version.</summary>
public static class FlowHandbookBuilder
{
    public static FlowHandbook? Build(int version, GovernanceConfiguration c, Guid flowId)
    {
        if (c.FindFlow(flowId) is not { } flow)
        {
            return null;
        }
        var source = c.FindSystem(flow.SourceSystemId)?.Name ?? "?";
        var target = c.FindSystem(flow.TargetSystemId)?.Name ?? "?";
        var sot = c.SourcesOfTruth.FirstOrDefault(s => s.ObjectId == flow.ObjectId);
        var fields = c.Mappings.Where(m => m.FlowId == flow.Id).OrderBy(m => m.Order).Select(m => new HandbookField(
            m.TargetField,
            m.SourceFields.Count == 0 ? "(no source field)" : string.Join(" + ", m.SourceFields),
            m.Transforms.Count == 0 ? "copied as is" : string.Join(", then ", m.Transforms.Select(Describe)),
            Ownership(c, sot, m.TargetField))).ToList();
        var step = c.Journeys.SelectMany(j => j.Steps.Select(s => (j, s))).FirstOrDefault(p => p.s.Id == flow.JourneyStepId);
        return new FlowHandbook(
            version, flow.Name, c.FindObject(flow.ObjectId)?.Name ?? "?", source, target,
            flow.Pattern == FlowPattern.EventDriven ? "as records arrive (within seconds)" : CronText.Describe(flow.Cron),
            flow.Outcome, flow.Owner, flow.Phase, flow.Status.ToString(),
            step.s is null ? null : $"{step.j.Name} → {step.s.Name}",
            fields,
            c.Rules.Where(r => r.FlowId == flow.Id).OrderBy(r => r.Order).Select(r => $"{r.Name}: {RuleText.Describe(r)}").ToList(),
            "Records that fail validation or a rule go to the error queue with the reason, and can be replayed after a fix; " +
            $"system failures are retried. The owner, {flow.Owner}, is accountable for the queue. " + Escalation(c, flow))
        {
            Matching = c.MatchRuleOf(flow.ObjectId) is { } rule ? MatchRuleText.Describe(rule) : [],
        };
    }

    /// <summary>Who hears of an incident about the flow, and when, under the incident policy in force.</summary>
    private static string Escalation(GovernanceConfiguration c, DataFlow flow)
    {
        var policy = c.IncidentPolicyFor(flow.Id);
        var contact = c.FindObject(flow.ObjectId)?.EscalationContact is { Length: > 0 } named ? named : null;
        var minutes = policy.AcknowledgeMinutes.Count > 1 ? policy.AcknowledgeMinutes[1] : 60;
        return $"Incidents about the flow go to the owner; one not acknowledged in time ({minutes} minutes for a high-severity incident) " +
            (contact is null ? "goes to the admins, as the object names no escalation contact." : $"goes to the escalation contact, {contact}, then to the admins.");
    }

    private static string Describe(Transform t)
    {
        var args = t.Args.Count == 0 ? "" : " (" + string.Join(", ", t.Args.Select(a => $"{a.Key} {a.Value}")) + ")";
        var map = t.Map.Count == 0 ? "" : " [" + string.Join(", ", t.Map.Select(e => $"{e.Key} → {e.Value}")) + "]";
        return Transforms.TransformCatalog.Label(t.Kind) + args + map;
    }

    private static string Ownership(GovernanceConfiguration c, SourceOfTruth? sot, string field)
    {
        if (sot is null)
        {
            return "no source of truth declared";
        }
        var rule = sot.Fields.FirstOrDefault(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase));
        var owner = c.FindSystem(rule?.OwnerSystemId ?? sot.SystemOfRecordId)?.Name ?? "?";
        return rule is null ? $"{owner} (system of record)" : $"{owner}; when several supply it: {rule.Strategy}";
    }
}
