using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>
/// Names a diff in business words: each item by its title ("Mapping email → Email"), each field by its label
/// ("Transform 3 (Truncate): Length"), and every id a value holds by the name of what it points at, read from the
/// configuration on that value's side. Paths and stored values stay as they are, for rollback, import and anyone
/// who needs them.
/// </summary>
public static class DiffLabels
{
    public static IReadOnlyList<ItemDiff> Apply(IReadOnlyList<ItemDiff> diffs, GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var (old, now) = (new ConfigurationNames(before), new ConfigurationNames(after));
        return diffs.Select(diff =>
        {
            var was = ConfigurationItems.Find(before, diff.Kind, diff.ItemId);
            var @is = ConfigurationItems.Find(after, diff.Kind, diff.ItemId);
            var (names, item) = @is is not null ? (now, @is) : (old, was);
            return diff with
            {
                Title = item is null ? null : names.Title(item),
                Context = item is null ? null : names.Context(item),
                Fields = diff.Fields.Select(f => f with
                {
                    Label = DiffFieldLabels.Of(f.Path, was, @is),
                    OldText = Readable(f.Old, old, now),
                    NewText = Readable(f.New, now, old),
                }).ToList(),
            };
        }).ToList();
    }

    /// <summary>An id becomes the name of what it points at: its own side first, as it may since have been renamed or removed.</summary>
    private static string? Readable(string? value, ConfigurationNames side, ConfigurationNames other) => value switch
    {
        null => null,
        _ when Guid.TryParseExact(value, "D", out var id) => side.Name(id) ?? other.Name(id) ?? value,
        _ => value,
    };
}
