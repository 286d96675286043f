using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Assessments;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>
/// Field rationalisation: every field of every catalog the caller answers for, with its owner, fill rate and last change
/// (from the assessments of its system's object), every place the published configuration uses it, and flags for
/// fields with no owner, used by nothing, rarely filled or never changed.
/// </summary>
public sealed class FieldRationalisationService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>Filled in fewer than this share of the records: rarely filled.</summary>
    public const double RarelyFilledBelow = 0.05;

    /// <summary>Values unchanged across assessments spanning at least this many days: never changed.</summary>
    public const int UnchangedForDays = 90;

    /// <summary>The assessments per system's object read for the last change.</summary>
    public const int HistoryDepth = 24;

    public async Task<PagedResult<FieldRationalisationRow>> ListAsync(FieldRationalisationFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        (page, pageSize) = (Math.Max(0, page), Math.Clamp(pageSize, 1, MaxPageSize));
        var rows = await RowsAsync(filter, cancellationToken);
        return new PagedResult<FieldRationalisationRow>([.. rows.Skip(page * pageSize).Take(pageSize)], rows.Count);
    }

    /// <summary>The systems and objects whose fields the caller may see, by name: the page's filters.</summary>
    public async Task<(IReadOnlyList<(Guid Id, string Name)> Systems, IReadOnlyList<(Guid Id, string Name)> Objects)> FiltersAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var scope = AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration);
        var visible = configuration.Fields.Where(f => scope.Includes(f.SystemId, f.ObjectId)).ToList();
        var systems = configuration.Systems.Where(s => visible.Exists(f => f.SystemId == s.Id)).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => (s.Id, s.Name));
        var objects = configuration.Objects.Where(o => visible.Exists(f => f.ObjectId == o.Id)).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(o => (o.Id, o.Name));
        return ([.. systems], [.. objects]);
    }

    public async Task<FieldRationalisationRow?> GetAsync(Guid fieldId, CancellationToken cancellationToken = default) =>
        await RowsAsync(new FieldRationalisationFilter(), fieldId, cancellationToken) is [var row] ? row : null;

    /// <summary>Every row the filter selects, by object, system and field name.</summary>
    public async Task<IReadOnlyList<FieldRationalisationRow>> RowsAsync(FieldRationalisationFilter filter, CancellationToken cancellationToken = default) =>
        await RowsAsync(filter, null, cancellationToken);

    private async Task<IReadOnlyList<FieldRationalisationRow>> RowsAsync(FieldRationalisationFilter filter, Guid? onlyField, CancellationToken cancellationToken)
    {
        actor.Ensure(Capability.ViewDataQuality);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var scope = AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration);
        var search = filter.Search?.Trim();
        var fields = configuration.Fields
            .Where(f => onlyField is null || f.Id == onlyField)
            .Where(f => filter.SystemId is null || f.SystemId == filter.SystemId)
            .Where(f => filter.ObjectId is null || f.ObjectId == filter.ObjectId)
            .Where(f => scope.Includes(f.SystemId, f.ObjectId))
            .Where(f => string.IsNullOrEmpty(search) || f.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || f.Label.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (fields.Count == 0)
        {
            return [];
        }
        var map = FieldUsageMap.Of(configuration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var history = await HistoryAsync(db, fields, cancellationToken);
        var fieldIds = fields.Select(f => f.Id).ToList();
        var retirements = await db.FieldRetirements.AsNoTracking().Where(r => fieldIds.Contains(r.FieldId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var views = await FieldRetirementService.ViewsAsync(db, retirements, configuration, map, now, cancellationToken);
        // Those who may not read the configuration (managers, stewards) see where a field is used, not the rules' content.
        var detail = actor.Holds(Capability.ReadConfiguration);
        var rows = fields.Select(f => Row(configuration, f, detail ? map.UsesOf(f.Id) : [.. map.UsesOf(f.Id).Select(u => u.WithoutDetail())],
                history.GetValueOrDefault((f.SystemId, f.ObjectId)) ?? [], views.GetValueOrDefault(f.Id) is { } v && !detail ? v.WithoutDetail() : views.GetValueOrDefault(f.Id)))
            .Where(r => !filter.FlaggedOnly || r.Flags.Count > 0)
            .OrderBy(r => r.ObjectName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.SystemName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Field, StringComparer.OrdinalIgnoreCase);
        return [.. rows];
    }

    private static FieldRationalisationRow Row(GovernanceConfiguration c, FieldDefinition f, IReadOnlyList<FieldUse> uses, IReadOnlyList<AssessedObject> history,
        FieldRetirementView? retirement)
    {
        var latest = history.Count > 0 ? history[0] : null;
        var figures = latest?.Fields.GetValueOrDefault(f.Name);
        double? fillRate = figures is null || latest!.Records == 0 ? null : (double)figures.Filled / latest.Records;
        var lastChange = FieldLastChange.From([.. history.Select(h => (h.FinishedUtc, h.Fields.GetValueOrDefault(f.Name) is { } x && (x.Signature != 0 || x.Filled == 0) ? (long?)x.Signature : null))]);
        var flags = new List<FieldFlag>();
        if (string.IsNullOrWhiteSpace(f.Owner))
        {
            flags.Add(new(FieldFlagKind.NoOwner, "No owner: nobody is named as answering for this field."));
        }
        if (uses.Count == 0)
        {
            flags.Add(new(FieldFlagKind.Unused, "Used by nothing: no flow, mapping, rule, match rule or source of truth names it."));
        }
        if (fillRate is { } rate && rate < RarelyFilledBelow)
        {
            flags.Add(new(FieldFlagKind.RarelyFilled, figures!.Filled == 0
                ? $"Never filled: empty in all {latest!.Records:N0} records of the assessment of {latest.FinishedUtc:yyyy-MM-dd}."
                : $"Rarely filled: {figures.Filled:N0} of {latest!.Records:N0} records ({rate:P1}) in the assessment of {latest.FinishedUtc:yyyy-MM-dd}."));
        }
        if (lastChange is { Knowledge: FieldChangeKnowledge.UnchangedSince, After: { } since, By: { } by } && (by - since).TotalDays >= UnchangedForDays)
        {
            flags.Add(new(FieldFlagKind.NeverChanged, $"Never changed: the same values in {lastChange.Assessments} assessments from {since:yyyy-MM-dd} to {by:yyyy-MM-dd}."));
        }
        return new FieldRationalisationRow(f.Id, f.SystemId, c.FindSystem(f.SystemId)?.Name ?? "?", f.ObjectId, c.FindObject(f.ObjectId)?.Name ?? "?", f.Name, f.Label,
            f.Type, f.Owner, f.Deprecated, fillRate, latest?.Records, latest?.FinishedUtc, lastChange, uses, flags, retirement);
    }

    private sealed record FieldFigures(long Filled, long Signature);

    private sealed record AssessedObject(long Id, DateTime FinishedUtc, long Records, Dictionary<string, FieldFigures> Fields);

    /// <summary>The latest completed assessments of each system's object the fields belong to, newest first.</summary>
    private static async Task<Dictionary<(Guid, Guid), List<AssessedObject>>> HistoryAsync(CrmDbContext db, IReadOnlyList<FieldDefinition> fields, CancellationToken cancellationToken)
    {
        var systems = fields.Select(f => f.SystemId).Distinct().ToList();
        var objects = fields.Select(f => f.ObjectId).Distinct().ToList();
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Completed && systems.Contains(a.SystemId) && objects.Contains(a.ObjectId))
            .Select(a => new { a.Id, a.SystemId, a.ObjectId, a.FinishedUtc, a.RecordsRead })
            .ToListAsync(cancellationToken);
        var kept = assessments.Where(a => a.FinishedUtc is not null).GroupBy(a => (a.SystemId, a.ObjectId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.FinishedUtc).ThenByDescending(a => a.Id).Take(HistoryDepth).ToList());
        var ids = kept.Values.SelectMany(a => a.Select(x => x.Id)).ToList();
        var figures = (await db.AssessmentFields.AsNoTracking().Where(f => ids.Contains(f.AssessmentId))
                .Select(f => new { f.AssessmentId, f.Field, f.Filled, f.ValueSignature }).ToListAsync(cancellationToken))
            .GroupBy(f => f.AssessmentId)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.Field, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(x => x.Key, x => new FieldFigures(x.First().Filled, x.First().ValueSignature), StringComparer.OrdinalIgnoreCase));
        return kept.ToDictionary(k => k.Key, k => k.Value
            .Select(a => new AssessedObject(a.Id, a.FinishedUtc!.Value, a.RecordsRead, figures.GetValueOrDefault(a.Id) ?? new(StringComparer.OrdinalIgnoreCase))).ToList());
    }
}
