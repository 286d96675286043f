using System.Collections.Frozen;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>Looks given names up in the <see cref="NicknameTable"/>: which groups a name is in, and one root to block on.</summary>
public static class Nicknames
{
    private static readonly (FrozenDictionary<string, int[]> Groups, FrozenDictionary<string, string> Roots) Table = Load();

    /// <summary>The groups a folded name belongs to, ascending (empty when the table does not know the name).</summary>
    public static int[] GroupsOf(string name) => Table.Groups.TryGetValue(name, out var groups) ? groups : [];

    /// <summary>True when the two names share a group (Bob and Robert, Liz and Beth).</summary>
    public static bool AreEquivalent(string left, string right) => Share(GroupsOf(left), GroupsOf(right));

    /// <summary>True when the two ascending group lists share an entry.</summary>
    public static bool Share(int[] left, int[] right)
    {
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                return true;
            }
            if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return false;
    }

    /// <summary>
    /// The formal name ("bob" → "robert"): the name's own line when it heads one, else the first line it is in; an
    /// unknown name is its own root. A blocking key, so ambiguous diminutives ("al") pick one.
    /// </summary>
    public static string Root(string name) => Table.Roots.TryGetValue(name, out var root) ? root : name;

    /// <summary>As <see cref="Root(string)"/>, without making a string of a name the table does not know.</summary>
    public static ReadOnlySpan<char> Root(ReadOnlySpan<char> name) =>
        Table.Roots.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var root) ? root : name;

    private static (FrozenDictionary<string, int[]>, FrozenDictionary<string, string>) Load()
    {
        var lines = NicknameTable.Groups.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var groups = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var group = 0; group < lines.Length; group++)
        {
            var colon = lines[group].IndexOf(':', StringComparison.Ordinal);
            var formal = lines[group][..colon];
            roots[formal] = formal;
            foreach (var name in lines[group][(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend(formal))
            {
                if (!groups.TryGetValue(name, out var set))
                {
                    groups[name] = set = [];
                }
                set.Add(group);
                roots.TryAdd(name, formal);
            }
        }
        return (groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal),
            roots.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
