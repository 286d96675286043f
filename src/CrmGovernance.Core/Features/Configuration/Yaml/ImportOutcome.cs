using CrmGovernance.Core.Features.Configuration.Versions;

namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>
/// The result of importing a YAML file: errors (nothing created), no differences (nothing created), or the draft
/// change request the import created and its diff against the published configuration.
/// </summary>
public sealed record ImportOutcome(IReadOnlyList<string> Errors, Guid? ChangeRequestId, IReadOnlyList<ItemDiff> Diff, string Message)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportOutcome Failed(IReadOnlyList<string> errors) =>
        new(errors, null, [], "The file was not imported; nothing was created.");

    public static ImportOutcome NoDifferences(int version) =>
        new([], null, [], $"No differences: the file matches the published configuration (version {version}), so no change request was created.");

    public static ImportOutcome Drafted(Guid changeRequestId, IReadOnlyList<ItemDiff> diff) =>
        new([], changeRequestId, diff, $"Drafted a change request with {diff.Count} changed item(s). Submit it for review to publish the changes.");
}
