using System.Text;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Workbook;

namespace CrmGovernance.Core.Features.ChangeControl.Import;

/// <summary>
/// Exports a flow's published mappings as a workbook, and imports an edited one as a draft change request holding
/// only the mappings that changed. Scoped: acts as the signed-in user.
/// </summary>
public sealed class MappingWorkbookService(ChangeRequestService requests, GovernanceReader reader, IAuditTrail audit, ActorContext actor)
{
    public async Task<WorkbookFile> ExportAsync(Guid flowId, CancellationToken cancellationToken = default)
    {
        var published = await reader.PublishedAsync(cancellationToken);
        var flow = published.Configuration.FindFlow(flowId) ?? throw new KeyNotFoundException("That flow is not in the published configuration.");
        var file = new WorkbookFile(MappingWorkbook.Export(published.Configuration, flow, published.Version), FileName(flow, published.Version));

        // Every export is an audit event: who took which flow's mappings away.
        await audit.RecordAsync(AuditActions.ConfigurationExported, "Flow", flowId.ToString("D"),
            new { format = "xlsx", flow = flow.Name, version = published.Version }, cancellationToken: cancellationToken);
        return file;
    }

    public async Task<WorkbookImportOutcome> ImportAsync(Guid flowId, Stream file, CancellationToken cancellationToken = default)
    {
        // Checked before anything is read: only those who may draft make the portal open a workbook.
        actor.Ensure(Capability.DraftChanges);
        var published = await reader.PublishedAsync(cancellationToken);
        var c = published.Configuration;
        if (c.FindFlow(flowId) is not { } flow)
        {
            return WorkbookImportOutcome.Fail(["That flow is not in the published configuration."]);
        }
        using var buffered = await BufferAsync(file, cancellationToken);
        if (buffered is null)
        {
            return WorkbookImportOutcome.Fail([WorkbookImportLimits.TooLarge]);
        }
        var read = MappingWorkbookImport.Read(buffered, c, flow);
        if (!read.Succeeded)
        {
            return WorkbookImportOutcome.Fail(read.Errors);
        }
        if (await StaleAsync(read.Version!.Value, published, flow, cancellationToken) is { } stale)
        {
            return WorkbookImportOutcome.Fail([stale]);
        }
        var changes = Changes(c, flow, read.Mappings);
        if (changes.Count == 0)
        {
            return new WorkbookImportOutcome([], null, [],
                $"The workbook matches the published mappings of {flow.Name} (version {published.Version}): there is nothing to change, so no change request was created.");
        }

        var id = await requests.CreateDraftAsync($"Mapping workbook: {flow.Name}",
            $"Imported from the mapping workbook of configuration version {read.Version}.", null, cancellationToken);
        foreach (var (itemId, after) in changes)
        {
            var saved = after is null
                ? await requests.DeleteItemAsync(id, ConfigurationItemKind.Mapping, itemId, cancellationToken)
                : await requests.SaveItemAsync(id, after, cancellationToken);
            if (!saved.Succeeded)
            {
                // Leave no half-filled draft behind.
                await requests.SetStatusByAuthorAsync(id, ChangeRequestStatus.Withdrawn, cancellationToken);
                return WorkbookImportOutcome.Fail(saved.Errors);
            }
        }
        var diff = await requests.DiffAsync(id, cancellationToken);
        return new WorkbookImportOutcome([], id, diff,
            $"Draft change request created with {changes.Count} changed mapping{(changes.Count == 1 ? "" : "s")} of {flow.Name}. Review it and submit it for approval.");
    }

    /// <summary>New or edited mappings (with their new state) and deleted ones (null), in the flow's order.</summary>
    private static List<(Guid Id, FieldMapping? After)> Changes(GovernanceConfiguration c, DataFlow flow, IReadOnlyList<FieldMapping> imported)
    {
        var published = c.Mappings.Where(m => m.FlowId == flow.Id).ToList();
        var before = published.ToDictionary(m => m.Id);
        var changes = imported.OrderBy(m => m.Order)
            .Where(m => !before.TryGetValue(m.Id, out var was) || ConfigurationJson.Serialize(was) != ConfigurationJson.Serialize(m))
            .Select(m => (m.Id, (FieldMapping?)m)).ToList();
        var kept = imported.Select(m => m.Id).ToHashSet();
        changes.AddRange(published.Where(m => !kept.Contains(m.Id)).OrderBy(m => m.Order).Select(m => (m.Id, (FieldMapping?)null)));
        return changes;
    }

    /// <summary>
    /// A workbook exported before the flow's mappings last changed would silently undo that change; it is refused.
    /// One exported before unrelated changes is still good.
    /// </summary>
    private async Task<string?> StaleAsync(int version, PublishedSnapshot published, DataFlow flow, CancellationToken cancellationToken)
    {
        if (version == published.Version)
        {
            return null;
        }
        var then = version < published.Version ? await reader.VersionAsync(version, cancellationToken) : null;
        if (then is null)
        {
            return $"The workbook says it was exported from configuration version {version}, which does not exist. Export the mapping workbook again.";
        }
        return MappingsJson(then.Configuration, flow) == MappingsJson(published.Configuration, flow)
            ? null
            : $"The workbook was exported from version {version}, and the mappings of {flow.Name} have changed since (version {published.Version} is published). "
                + "Export the mapping workbook again and redo your edits, so nobody's change is undone by accident.";
    }

    /// <summary>An upload read asynchronously (Blazor's browser file stream refuses synchronous reads), within the size limit.</summary>
    private static async Task<MemoryStream?> BufferAsync(Stream file, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > WorkbookImportLimits.MaxFileBytes)
            {
                await copy.DisposeAsync();
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    private static string MappingsJson(GovernanceConfiguration c, DataFlow flow) =>
        string.Join("\n", c.Mappings.Where(m => m.FlowId == flow.Id).OrderBy(m => m.Id).Select(ConfigurationJson.Serialize));

    private static string FileName(DataFlow flow, int version)
    {
        var slug = new StringBuilder();
        foreach (var ch in flow.Name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var name = slug.ToString().Trim('-');
        return $"mappings-{(name.Length == 0 ? "flow" : name)}-v{version}.xlsx";
    }
}
