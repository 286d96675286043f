using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>Applies a change request's items to a configuration, and finds the items someone else changed meanwhile.</summary>
public static class ChangeSet
{
    public static GovernanceConfiguration Apply(GovernanceConfiguration configuration, IEnumerable<ChangeRequestItem> items)
    {
        var result = configuration;
        foreach (var item in items)
        {
            var after = item.AfterJson is null ? null : ConfigurationJson.DeserializeItem(item.Kind, item.AfterJson);
            result = ConfigurationItems.With(result, item.Kind, item.ItemId, after);
        }
        return result;
    }

    /// <summary>The request's own field-level diff, from each item's before and after.</summary>
    public static IReadOnlyList<ItemDiff> Describe(IEnumerable<ChangeRequestItem> items) =>
        items.OrderBy(i => i.Kind).ThenBy(i => i.DisplayName, StringComparer.Ordinal).Select(i =>
        {
            var before = i.BeforeJson is null ? null : ConfigurationJson.DeserializeItem(i.Kind, i.BeforeJson);
            var after = i.AfterJson is null ? null : ConfigurationJson.DeserializeItem(i.Kind, i.AfterJson);
            var change = before is null ? DiffKind.Added : after is null ? DiffKind.Removed : DiffKind.Changed;
            return new ItemDiff(i.Kind, i.ItemId, i.DisplayName, change, ConfigurationDiff.Leaves(before, after));
        }).ToList();

    /// <summary>Items whose published state is no longer the one the author started from.</summary>
    public static IReadOnlyList<ChangeRequestItem> Conflicts(GovernanceConfiguration published, IEnumerable<ChangeRequestItem> items) =>
        items.Where(i => CurrentJson(published, i.Kind, i.ItemId) != i.BeforeJson).ToList();

    public static string? CurrentJson(GovernanceConfiguration published, ConfigurationItemKind kind, Guid id) =>
        ConfigurationItems.Find(published, kind, id) is { } item ? ConfigurationJson.Serialize(item) : null;

    /// <summary>The items that turn <paramref name="from"/> into <paramref name="to"/> (used by rollback and YAML import).</summary>
    public static IReadOnlyList<(ConfigurationItemKind Kind, Guid Id, IConfigurationItem? After)> Between(GovernanceConfiguration from, GovernanceConfiguration to)
    {
        var changes = new List<(ConfigurationItemKind, Guid, IConfigurationItem?)>();
        foreach (var diff in ConfigurationDiff.Between(from, to))
        {
            changes.Add((diff.Kind, diff.ItemId, ConfigurationItems.Find(to, diff.Kind, diff.ItemId)));
        }
        return changes;
    }
}
