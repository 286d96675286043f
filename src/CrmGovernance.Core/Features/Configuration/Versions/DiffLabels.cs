using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

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
                    OldText = Readable(f.Path, f.Old, old, now),
                    NewText = Readable(f.Path, f.New, now, old),
                }).ToList(),
            };
        }).ToList();
    }

    /// <summary>An id becomes the name of what it points at: its own side first, as it may since have been renamed or removed.</summary>
    private static string? Readable(string path, string? value, ConfigurationNames side, ConfigurationNames other) => value switch
    {
        null => null,
        _ when Guid.TryParseExact(value, "D", out var id) => side.Name(id) ?? other.Name(id) ?? value,
        _ when path.StartsWith("transforms[", StringComparison.Ordinal) && path.EndsWith("].kind", StringComparison.Ordinal)
            && Enum.TryParse<TransformKind>(value, out var transform) => TransformCatalog.Label(transform),
        _ when EnumLeaves.Contains(path[(path.LastIndexOf('.') + 1)..]) => DiffFieldLabels.Humanise(value),
        _ => value,
    };

    // Properties that hold an enum's name: "EventDriven" reads "Event driven", "MostRecent" "Most recent".
    private static readonly HashSet<string> EnumLeaves = new(StringComparer.Ordinal)
    {
        "kind", "type", "status", "pattern", "strategy", "trigger", "operator", "comparator",
    };
}
