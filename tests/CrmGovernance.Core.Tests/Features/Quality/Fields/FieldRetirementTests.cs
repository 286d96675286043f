using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Quality.Fields;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Quality.Fields;

/// <summary>
/// Retiring a field on the demo configuration: three change requests (stop writing, deprecate, remove after the watch
/// period), each reviewed by someone else, each reversible by rolling back its version.
/// </summary>
public sealed class FieldRetirementTests
{
    private static Task<T> AsOwner<T>(ChangeControlScenario s, Func<FieldRetirementService, Task<T>> work) =>
        s.As(Owner, [Roles.BusinessOwner], work);

    /// <summary>A demo field that mappings write and nothing else uses.</summary>
    private static async Task<(FieldDefinition Field, IReadOnlyList<FieldUse> Uses)> WrittenOnlyAsync(ChangeControlScenario s)
    {
        var configuration = (await s.CurrentAsync()).Configuration;
        var map = FieldUsageMap.Of(configuration);
        var field = configuration.Fields.OrderBy(f => f.Name, StringComparer.Ordinal)
            .First(f => map.UsesOf(f.Id) is { Count: > 0 } uses && uses.All(u => u.Kind == FieldUseKind.MappingWrites));
        return (field, map.UsesOf(field.Id));
    }

    private static async Task PublishAsync(ChangeControlScenario s, Guid request)
    {
        Require(await s.AsOwner(c => c.SubmitAsync(request)));
        Require(await s.As(Admin, [Roles.Admin], r => r.ApproveAsync(request, null)));
    }

    [Fact]
    public async Task Proposing_retirement_opens_a_change_request_removing_the_mappings_that_write_it_and_each_later_step_opens_its_own_after_the_one_before()
    {
        await using var s = await StartAsync();
        var (field, uses) = await WrittenOnlyAsync(s);

        var started = await AsOwner(s, r => r.ProposeAsync(field.Id, "  Nobody reads it since the portal moved.  ", watchDays: 14));

        var step1 = (await s.AsOwner(c => c.GetAsync(started.ChangeRequestId!.Value)))!;
        Assert.Contains("step 1 of 3, stop writing it", step1.Title, StringComparison.Ordinal);
        Assert.Contains("Nobody reads it since the portal moved.", step1.Reason, StringComparison.Ordinal);
        Assert.Equal(uses.Select(u => u.ItemId).Order(), step1.Items.Select(i => i.ItemId).Order());
        Assert.All(step1.Items, i => Assert.Equal((ConfigurationItemKind.Mapping, (string?)null), (i.Kind, i.AfterJson)));
        var waiting = (await AsOwner(s, r => r.GetAsync(started.RetirementId)))!;
        Assert.Equal((RetirementStep.StopWriting, false), (waiting.Current, waiting.CanStartNext));
        Assert.Contains($"waits for {started.ChangeRequestLabel}", waiting.Next, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => AsOwner(s, r => r.ProposeAsync(field.Id, "Again")));

        await PublishAsync(s, started.ChangeRequestId!.Value);
        var afterStep1 = (await AsOwner(s, r => r.GetAsync(started.RetirementId)))!;
        Assert.Equal((RetirementStep.Deprecate, true, true), (afterStep1.Current, afterStep1.Steps[0].Done, afterStep1.CanStartNext));
        Assert.DoesNotContain((await s.CurrentAsync()).Configuration.Mappings, m => uses.Any(u => u.ItemId == m.Id));

        var step2 = await AsOwner(s, r => r.StartNextStepAsync(started.RetirementId));
        var deprecation = Assert.Single((await s.AsOwner(c => c.GetAsync(step2.ChangeRequestId!.Value)))!.Items);
        Assert.True(((FieldDefinition)ConfigurationJson.DeserializeItem(ConfigurationItemKind.Field, deprecation.AfterJson!)).Deprecated);
        await PublishAsync(s, step2.ChangeRequestId!.Value);
        Assert.True((await s.CurrentAsync()).Configuration.Fields.Single(f => f.Id == field.Id).Deprecated);

        var watching = await Assert.ThrowsAsync<InvalidOperationException>(() => AsOwner(s, r => r.StartNextStepAsync(started.RetirementId)));
        Assert.StartsWith("Watching until", watching.Message, StringComparison.Ordinal);
        s.Host.Clock.Advance(TimeSpan.FromDays(14));

        var step3 = await AsOwner(s, r => r.StartNextStepAsync(started.RetirementId));
        var removal = Assert.Single((await s.AsOwner(c => c.GetAsync(step3.ChangeRequestId!.Value)))!.Items);
        Assert.Equal((ConfigurationItemKind.Field, field.Id, (string?)null), (removal.Kind, removal.ItemId, removal.AfterJson));
        await PublishAsync(s, step3.ChangeRequestId!.Value);

        var done = (await AsOwner(s, r => r.GetAsync(started.RetirementId)))!;
        Assert.Equal((RetirementStep.Done, false, false), (done.Current, done.Open, done.CanStartNext));
        Assert.Equal([step1.Label, step2.ChangeRequestLabel, step3.ChangeRequestLabel], done.Steps.Select(x => x.RequestLabel));
        Assert.DoesNotContain((await s.CurrentAsync()).Configuration.Fields, f => f.Id == field.Id);
        Assert.Contains(await s.Host.AuditRowsAsync(), e => e.EntityType == FieldRetirementService.AuditEntityType && e.ActorName == Owner);
    }

    [Fact]
    public async Task Rolling_back_a_published_step_restores_the_mappings_and_the_step_can_be_started_again()
    {
        await using var s = await StartAsync();
        var (field, uses) = await WrittenOnlyAsync(s);
        var before = await s.CurrentAsync();
        var started = await AsOwner(s, r => r.ProposeAsync(field.Id, "Unused downstream."));
        await PublishAsync(s, started.ChangeRequestId!.Value);

        var rollback = await s.As<VersionHistoryService, Guid>(Owner, [Roles.BusinessOwner], h => h.CreateRollbackAsync(before.Version));
        await PublishAsync(s, rollback);

        var restored = await s.CurrentAsync();
        Assert.Equal(before.Hash, restored.Hash);
        Assert.All(uses, u => Assert.Contains(restored.Configuration.Mappings, m => m.Id == u.ItemId));
        var view = (await AsOwner(s, r => r.GetAsync(started.RetirementId)))!;
        Assert.Equal((RetirementStep.StopWriting, false, true), (view.Current, view.Steps[0].Done, view.CanStartNext));
        Assert.Contains($"{started.ChangeRequestLabel} was published, then undone by a later version", view.Next, StringComparison.Ordinal);
        var again = await AsOwner(s, r => r.StartNextStepAsync(started.RetirementId));
        Assert.NotEqual(started.ChangeRequestId, again.ChangeRequestId);
    }

    [Fact]
    public async Task Only_someone_who_drafts_changes_and_answers_for_the_object_may_propose_retiring_its_field_and_the_reason_is_required()
    {
        await using var s = await StartAsync();
        var (field, _) = await WrittenOnlyAsync(s);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => s.As(Steward, [Roles.Steward], (FieldRetirementService r) => r.ProposeAsync(field.Id, "Unused")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => s.As(OtherOwner, [Roles.BusinessOwner], (FieldRetirementService r) => r.ProposeAsync(field.Id, "Unused")));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => AsOwner(s, r => r.ProposeAsync(field.Id, "  ")));
        Assert.StartsWith("Reason:", blank.Message, StringComparison.Ordinal);
        var watch = await Assert.ThrowsAsync<ArgumentException>(() => AsOwner(s, r => r.ProposeAsync(field.Id, "Unused", watchDays: 0)));
        Assert.StartsWith("Watch period:", watch.Message, StringComparison.Ordinal);
        Assert.Empty(await s.Host.AuditRowsAsync() is var rows ? rows.Where(e => e.EntityType == FieldRetirementService.AuditEntityType) : []);
    }

    [Fact]
    public async Task A_field_already_deprecated_and_written_by_nothing_is_kept_waiting_for_its_watch_period_and_an_abandoned_retirement_can_be_proposed_again()
    {
        await using var s = await StartAsync();
        var configuration = (await s.CurrentAsync()).Configuration;
        var map = FieldUsageMap.Of(configuration);
        var field = configuration.Fields.OrderBy(f => f.Name, StringComparer.Ordinal).First(f => map.UsesOf(f.Id).Count == 0);
        var id = await s.AsOwner(c => c.CreateDraftAsync("Deprecate by hand", "Old field"));
        Require(await s.AsOwner(c => c.SaveItemAsync(id, field with { Deprecated = true })));
        await PublishAsync(s, id);

        var waiting = await AsOwner(s, r => r.ProposeAsync(field.Id, "Unused for years.", watchDays: 7));

        Assert.Null(waiting.ChangeRequestId);
        Assert.StartsWith("Watching until", waiting.Next, StringComparison.Ordinal);
        var view = (await AsOwner(s, r => r.GetAsync(waiting.RetirementId)))!;
        Assert.Equal((RetirementStep.Retire, true, false), (view.Current, view.Open, view.CanStartNext));
        await AsOwner(s, async r => { await r.AbandonAsync(waiting.RetirementId); return true; });
        Assert.False((await AsOwner(s, r => r.GetAsync(waiting.RetirementId)))!.Open);
        s.Host.Clock.Advance(TimeSpan.FromDays(7));
        var again = await AsOwner(s, r => r.ProposeAsync(field.Id, "Unused for years, really.", watchDays: 7));
        Assert.NotNull(again.ChangeRequestId);
        var removal = Assert.Single((await s.AsOwner(c => c.GetAsync(again.ChangeRequestId!.Value)))!.Items);
        Assert.Equal((ConfigurationItemKind.Field, field.Id, (string?)null), (removal.Kind, removal.ItemId, removal.AfterJson));
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_configuration_sees_where_a_field_is_used_but_not_the_rules_content()
    {
        await using var s = await StartAsync();
        var (field, _) = await WrittenOnlyAsync(s);

        var owners = await s.As(Owner, [Roles.BusinessOwner], (FieldRationalisationService r) => r.GetAsync(field.Id));
        var managers = await s.As("manager@example.com", [Roles.Manager], (FieldRationalisationService r) => r.GetAsync(field.Id));

        Assert.Contains(owners!.Uses, u => u.Description.StartsWith("Flow ", StringComparison.Ordinal));
        Assert.Equal(owners.Uses.Count, managers!.Uses.Count);
        Assert.All(managers.Uses, u => Assert.Equal("A flow's mapping writes it.", u.Description));
    }
}
