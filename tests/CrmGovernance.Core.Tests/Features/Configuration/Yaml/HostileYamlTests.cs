using System.Diagnostics;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Yaml;

namespace CrmGovernance.Core.Tests.Features.Configuration.Yaml;

/// <summary>
/// Files built to exhaust the process. Before the limits, the first one overflowed the stack, which no catch can stop:
/// the test host itself died, so this class passing is the proof that it no longer does.
/// </summary>
public sealed class HostileYamlTests
{
    /// <summary>A safety net only: a refusal costs milliseconds, the attacks cost seconds to forever.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(2);

    [Fact]
    public void Import_of_fifty_thousand_nested_brackets_is_refused_with_a_message()
    {
        var errors = Refused(HostileYaml.Brackets(50_000));

        Assert.Equal($"Line 1: the lists and sets of keys are nested more than {YamlImportLimits.MaxDepth} deep; a configuration goes about 8 deep.", Assert.Single(errors));
    }

    [Fact]
    public void Import_of_deeply_nested_block_mappings_is_refused_with_a_message()
    {
        var errors = Refused(HostileYaml.NestedMappings(1_000));

        Assert.Contains($"nested more than {YamlImportLimits.MaxDepth} deep", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_of_an_alias_bomb_is_refused_before_it_is_expanded()
    {
        // Ten levels of nine aliases each: 9^10 (3.5 billion) copies of "lol" from about 1 KB of text.
        var errors = Refused(HostileYaml.AliasBomb(10, 9));

        Assert.Contains("each alias counted as a copy of what it names", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_that_nest_too_deep_together_are_refused()
    {
        // Each level is shallow, but every alias carries the depth of what it names.
        var errors = Refused(HostileYaml.AliasTower(40));

        Assert.Contains($"nests the lists and sets of keys more than {YamlImportLimits.MaxDepth} deep", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_inside_the_node_it_names_is_refused()
    {
        var errors = Refused("systems: &loop [*loop]\n");

        Assert.Equal("Line 1: the alias *loop is used inside the node it names, which would repeat it forever.", Assert.Single(errors));
    }

    [Fact]
    public void An_alias_with_no_anchor_before_it_is_refused()
    {
        var errors = Refused("systems: *nowhere\n");

        Assert.Equal("Line 1: the alias *nowhere names no anchor (&nowhere) written before it.", Assert.Single(errors));
    }

    [Fact]
    public void Import_of_more_nodes_than_the_limit_is_refused_with_a_message()
    {
        // Flat, so only the node count stops it: 1 MB of one-letter list items. Reaching the limit means parsing that many
        // nodes (about half a second of CPU), so on a loaded machine this refusal needs the wider safety net.
        var errors = Refused(HostileYaml.FlatList(YamlImportLimits.MaxNodes + 1), TimeSpan.FromSeconds(30));

        Assert.Contains($"more than {YamlImportLimits.MaxNodes:N0} keys, values and lists", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_of_a_file_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        var yaml = "# " + new string('x', YamlImportLimits.MaxBytes) + "\n";

        var errors = Refused(yaml);

        Assert.Equal($"The file is larger than {YamlImportLimits.MaxBytes / 1024 / 1024} MB, so it is not a configuration export; nothing was read.", Assert.Single(errors));
    }

    [Fact]
    public void A_file_that_uses_anchors_within_the_limits_still_reads()
    {
        var demo = YamlSamples.Demo();
        var yaml = ConfigurationYaml.Export(demo, 1);
        // Name the first empty list and reuse it for the next: the configuration is unchanged.
        var first = yaml.IndexOf(": []", StringComparison.Ordinal);
        var second = yaml.IndexOf(": []", first + 1, StringComparison.Ordinal);
        var anchored = yaml[..first] + ": &none []" + yaml[(first + 4)..second] + ": *none" + yaml[(second + 4)..];

        var parsed = ConfigurationYaml.Parse(anchored, demo);

        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        Assert.Equal(ConfigurationJson.Serialize(demo), ConfigurationJson.Serialize(parsed.Configuration!));
    }

    private static IReadOnlyList<string> Refused(string yaml, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        var parsed = ConfigurationYaml.Parse(yaml, YamlSamples.Demo());
        clock.Stop();

        Assert.False(parsed.Succeeded);
        Assert.Null(parsed.Configuration);
        Assert.True(clock.Elapsed < (within ?? Quickly), $"The refusal took {clock.Elapsed.TotalMilliseconds:N0} ms.");
        return parsed.Errors;
    }
}
