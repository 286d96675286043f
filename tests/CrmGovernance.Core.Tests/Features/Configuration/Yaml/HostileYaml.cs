using System.Globalization;
using System.Text;

namespace CrmGovernance.Core.Tests.Features.Configuration.Yaml;

/// <summary>Hostile YAML texts, built as an attacker would write them (shared with the bench's hostile-imports command).</summary>
internal static class HostileYaml
{
    /// <summary>Flow sequences opened and never closed: <c>[[[[…</c>.</summary>
    public static string Brackets(int count) => new('[', count);

    /// <summary>Block mappings each one space deeper: <c>k:\n k:\n  k:…</c>.</summary>
    public static string NestedMappings(int depth)
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }
        return yaml.ToString();
    }

    /// <summary>"Billion laughs": each level a list of <paramref name="width"/> aliases of the level before, width^levels strings in all.</summary>
    public static string AliasBomb(int levels, int width)
    {
        var yaml = new StringBuilder("a0: &a0 [").Append(string.Join(", ", Enumerable.Repeat("lol", width))).Append("]\n");
        for (var i = 1; i <= levels; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", width))}]\n");
        }
        return yaml.ToString();
    }

    /// <summary>Aliases that each add one level: shallow as written, <paramref name="levels"/> deep once expanded.</summary>
    public static string AliasTower(int levels)
    {
        var yaml = new StringBuilder("a0: &a0 [x]\n");
        for (var i = 1; i <= levels; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}]\n");
        }
        return yaml.ToString();
    }

    /// <summary>One flat list of one-letter items: only the node count can stop it.</summary>
    public static string FlatList(int items) => "systems: [" + string.Join(',', Enumerable.Repeat("a", items)) + "]\n";
}
