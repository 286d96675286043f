using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Yaml;

namespace CrmGovernance.Core.Features.ChangeControl.Import;

/// <summary>
/// Exports a published version as YAML, and imports YAML as a draft change request against the published
/// configuration. An import never writes the configuration: its changes go through review like any other.
/// </summary>
public sealed class ConfigurationImportService(ChangeRequestService requests, GovernanceReader reader, IAuditTrail audit, ActorContext actor)
{
    /// <param name="version">A published version; null: the current one.</param>
    public async Task<string> ExportAsync(int? version, CancellationToken cancellationToken = default)
    {
        var snapshot = version is { } number
            ? await reader.VersionAsync(number, cancellationToken) ?? throw new KeyNotFoundException($"Version {number} does not exist.")
            : await reader.PublishedAsync(cancellationToken);
        var yaml = ConfigurationYaml.Export(snapshot.Configuration, snapshot.Version);

        // Every export is an audit event: who took which configuration away.
        await audit.RecordAsync(AuditActions.ConfigurationExported, "ConfigurationVersion", snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { format = "yaml", version = snapshot.Version }, cancellationToken: cancellationToken);
        return yaml;
    }

    public async Task<ImportOutcome> ImportAsync(string yaml, string title, CancellationToken cancellationToken = default)
    {
        // Checked before anything is parsed: only those who may draft make the portal read a document.
        actor.Ensure(Capability.DraftChanges);
        if (string.IsNullOrWhiteSpace(title))
        {
            return ImportOutcome.Failed(["Give the import a title."]);
        }
        var published = await reader.PublishedAsync(cancellationToken);
        var parsed = ConfigurationYaml.Parse(yaml, published.Configuration);
        if (parsed.Configuration is not { } imported || !parsed.Succeeded)
        {
            return ImportOutcome.Failed(parsed.Errors);
        }
        var diff = ConfigurationDiff.Between(published.Configuration, imported);
        if (diff.Count == 0)
        {
            return ImportOutcome.NoDifferences(published.Version);
        }
        var id = await requests.CreateDraftAsync($"Import: {title.Trim()}", $"Imported from YAML against version {published.Version}.", null, cancellationToken);
        var filled = await requests.FillDraftAsync(id, ChangeSet.Between(published.Configuration, imported), cancellationToken: cancellationToken);
        return filled.Succeeded ? ImportOutcome.Drafted(id, diff) : ImportOutcome.Failed(filled.Errors);
    }
}
