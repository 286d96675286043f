using System.Globalization;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Scenarios;

/// <summary>
/// A scenario made from a real record in one click: a run's record (its source fields as the inbox kept them or as the
/// source holds them now, the target's values before as the existing record, what happened as the expectation), or an
/// error-queue item (the payload as sent). Not saved: the author checks the expectation and adds it to a draft.
/// </summary>
public sealed class ScenarioCapture(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, IConnectorFactory connectors)
{
    public async Task<(Scenario? Scenario, string? Error)> FromOutcomeAsync(long outcomeId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outcome = await db.RecordOutcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Id == outcomeId, cancellationToken);
        var run = outcome is null ? null : await db.SyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == outcome.RunId, cancellationToken);
        if (outcome is null || run is null)
        {
            return (null, "That record is not in any run any more.");
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var (plan, error) = FlowPlan.For(configuration, run.FlowId);
        if (plan is null)
        {
            return (null, $"The flow of that run cannot be captured from: {error}");
        }
        // Capturing reads the source system again and copies the record into the configuration: the flow's own owners and admins only.
        actor.EnsureFor(Capability.StartRuns, [Accountability.ForFlow(configuration, plan.Flow)]);
        var (fields, readError) = await SourceFieldsAsync(db, plan, outcome, cancellationToken);
        if (fields is null)
        {
            return (null, readError);
        }
        var existing = outcome.TargetId is { } id && Values(outcome.BeforeJson) is { Count: > 0 } before && outcome.Outcome != OutcomeKind.Created
            ? new List<ScenarioRecord> { new() { Id = id, Fields = before } } : [];
        var expected = new ScenarioExpectation
        {
            Outcome = Expected(outcome, existing.Count > 0),
            TargetId = outcome.Match is "Key" or "Fuzzy" && existing.Count > 0 ? outcome.TargetId : null,
            Values = outcome.Outcome is OutcomeKind.Created or OutcomeKind.Updated ? Values(outcome.AfterJson) : new(StringComparer.OrdinalIgnoreCase),
            ReasonContains = outcome.Outcome is OutcomeKind.Rejected ? Shortened(outcome.Reason) : null,
        };
        return (New(plan.Flow, $"Record {outcome.SourceId} of run {run.Id.ToString(CultureInfo.InvariantCulture)}",
            $"Captured from run {run.Id.ToString(CultureInfo.InvariantCulture)} ({run.StartedUtc:yyyy-MM-dd HH:mm} UTC), record {outcome.SourceId}",
            new ScenarioInput { SourceId = outcome.SourceId, Fields = fields, Expected = expected }, existing), null);
    }

    public async Task<(Scenario? Scenario, string? Error)> FromErrorQueueAsync(long itemId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.ErrorQueueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        if (item is not { FlowId: { } flowId, SourceId: { } sourceId } || item.Kind == ErrorKind.Inbound || configuration.FindFlow(flowId) is not { } flow)
        {
            return (null, "Only a rejected, failed or held record of a flow in the published configuration can become a scenario.");
        }
        actor.EnsureFor(Capability.WorkErrorQueue, [Accountability.ForFlow(configuration, flow)]);
        var expected = new ScenarioExpectation
        {
            Outcome = item.Kind switch { ErrorKind.Review => ExpectedOutcome.Queued, ErrorKind.Rejected => ExpectedOutcome.Rejected, _ => ExpectedOutcome.Created },
            ReasonContains = item.Kind == ErrorKind.Rejected ? Shortened(item.Reason) : null,
        };
        return (New(flow, $"Queued record {sourceId}", $"Captured from error-queue item {item.Id.ToString(CultureInfo.InvariantCulture)} ({item.Kind.ToString().ToLowerInvariant()}: {Shortened(item.Reason)})",
            new ScenarioInput { SourceId = sourceId, Fields = Values(item.Payload), Expected = expected }, []), null);
    }

    private async Task<(Dictionary<string, string?>? Fields, string? Error)> SourceFieldsAsync(CrmDbContext db, FlowPlan plan, RecordOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.InboxId is { } inboxId)
        {
            var payload = await db.InboxItems.AsNoTracking().Where(i => i.Id == inboxId).Select(i => i.PayloadJson).FirstOrDefaultAsync(cancellationToken);
            return payload is null ? (null, "The inbox no longer holds what that record arrived as.") : (new(WebhookConnector.Fields(payload), StringComparer.OrdinalIgnoreCase), null);
        }
        try
        {
            await using var source = connectors.Open(plan.Source);
            var found = await source.LookupAsync(plan.BusinessObject.Key, null, [outcome.SourceId], cancellationToken);
            return found.Count == 0 ? (null, $"{plan.Source.Name} no longer holds the record {outcome.SourceId}.")
                : (new(found[0].Fields, StringComparer.OrdinalIgnoreCase), null);
        }
        catch (Exception e) when (e is SystemUnavailableException or NotSupportedException or InvalidOperationException)
        {
            return (null, $"The record could not be read from {plan.Source.Name}: {e.Message}");
        }
    }

    private static ExpectedOutcome Expected(RecordOutcome outcome, bool existing) => outcome.Outcome switch
    {
        OutcomeKind.Created => ExpectedOutcome.Created,
        OutcomeKind.Rejected => ExpectedOutcome.Rejected,
        OutcomeKind.Queued => ExpectedOutcome.Queued,
        OutcomeKind.Updated or OutcomeKind.Unchanged or OutcomeKind.Appended when existing => ExpectedOutcome.Merged,
        OutcomeKind.Updated => ExpectedOutcome.Updated,
        OutcomeKind.Appended => ExpectedOutcome.Appended,
        OutcomeKind.Unchanged => ExpectedOutcome.Unchanged,
        _ => ExpectedOutcome.Created,
    };

    private static Scenario New(DataFlow flow, string name, string origin, ScenarioInput input, List<ScenarioRecord> existing) =>
        new() { Id = Guid.CreateVersion7(), FlowId = flow.Id, Name = name, Origin = origin, Inputs = [input], Existing = existing };

    private static Dictionary<string, string?> Values(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new(StringComparer.OrdinalIgnoreCase);
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new(JsonFields.Read(document.RootElement), StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return new(StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The reason's first sentence, so a reworded tail does not fail the scenario.</summary>
    private static string? Shortened(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }
        var end = reason.IndexOf(". ", StringComparison.Ordinal);
        var first = end > 0 ? reason[..end] : reason.TrimEnd('.');
        return first.Length > 200 ? first[..200] : first;
    }
}
