using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>
/// Configuration as code: the whole configuration as diff-friendly YAML, and back. The YAML is the canonical JSON
/// tree written as YAML (items in canonical order, keys in a fixed order, enums by name), so a round trip is exact.
/// Secret values are never written; see <see cref="SecretPlaceholder"/>.
/// </summary>
public static class ConfigurationYaml
{
    /// <summary>What an export shows instead of a secret's value; kept as is on import, it keeps the published secret.</summary>
    public const string SecretPlaceholder = "(secret: set)";

    private static readonly EmitterSettings Settings = new EmitterSettings()
        .WithBestWidth(int.MaxValue).WithIndentedSequences().WithNewLine("\n");

    public static string Export(GovernanceConfiguration c, int version)
    {
        var json = JsonNode.Parse(ConfigurationJson.Serialize(YamlSecrets.Mask(c)));
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# CrmGovernance configuration, version {version}."));
        text.WriteLine($"# Secrets are not exported: each shows as \"{SecretPlaceholder}\". Keep that to keep the secret; enter new secrets in the portal.");
        text.WriteLine("# Importing this file drafts a change request: nothing changes until someone else approves it.");
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        new YamlConfigurationWriter(emitter).Write(json, typeof(GovernanceConfiguration));
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>The configuration the YAML describes, or what is wrong with it, line by line.</summary>
    /// <param name="current">The published configuration, whose secrets the file may keep.</param>
    public static ImportResult Parse(string yaml, GovernanceConfiguration current)
    {
        // Bounded before any tree is built: the tree and the reader below recurse, and aliases multiply the work.
        if (YamlShapeCheck.Refusal(yaml) is { } refusal)
        {
            return ImportResult.Failed([refusal]);
        }
        var reader = new YamlConfigurationReader();
        if (Load(yaml, reader) is not { } root)
        {
            return ImportResult.Failed(reader.Errors);
        }
        if (reader.Read(root, typeof(GovernanceConfiguration), "") is JsonObject json)
        {
            YamlSecrets.Restore(root, json, current, reader);
            CheckUniqueIds(root, reader);
            if (reader.Errors.Count == 0)
            {
                try
                {
                    return ImportResult.Success(ConfigurationJson.Deserialize(json.ToJsonString()));
                }
                catch (JsonException e)
                {
                    return ImportResult.Failed([$"The file describes a configuration that cannot be read: {e.Message}"]);
                }
            }
        }
        return ImportResult.Failed(reader.Errors);
    }

    private static YamlMappingNode? Load(string yaml, YamlConfigurationReader reader)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            reader.Error(e.Start, $"the YAML is malformed: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a position of its own on some unclosed brackets.
            reader.Error(scanner.CurrentPosition, "the YAML is malformed here: is a bracket or a quote left open?");
            return null;
        }
        switch (stream.Documents.Count)
        {
            case 0:
                reader.Error(Mark.Empty, "the file is empty.");
                return null;
            case > 1:
                reader.Error(stream.Documents[1].RootNode.Start, "the file holds more than one document (---); import one configuration at a time.");
                return null;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            reader.Error(stream.Documents[0].RootNode.Start, "the file should start with the keys systems, objects, fields, … .");
            return null;
        }
        return root;
    }

    /// <summary>Two items of a kind with one id cannot be told apart by a change request.</summary>
    private static void CheckUniqueIds(YamlMappingNode root, YamlConfigurationReader reader)
    {
        foreach (var (key, value) in root.Children)
        {
            var seen = new Dictionary<Guid, long>();
            foreach (var item in (value as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
            {
                if (item.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode { Value: { } text }
                    && Guid.TryParse(text, out var id) && !seen.TryAdd(id, idNode.Start.Line))
                {
                    reader.Error(idNode.Start, $"{key}: the id {id} is already used on line {seen[id]}; every item needs an id of its own.");
                }
            }
        }
    }
}
