using System.Text.Json.Nodes;
using CrmGovernance.Core.Features.Configuration.Model;
using YamlDotNet.RepresentationModel;

namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>
/// Secrets never leave the portal: an export shows only their names, and an import may keep or drop a published
/// secret but never set one.
/// </summary>
internal static class YamlSecrets
{
    public static GovernanceConfiguration Mask(GovernanceConfiguration c) => c with
    {
        Systems = [.. c.Systems.Select(s => s with
        {
            Secrets = new(s.Secrets.Keys.ToDictionary(k => k, _ => ConfigurationYaml.SecretPlaceholder, StringComparer.Ordinal), StringComparer.Ordinal),
        })],
    };

    /// <summary>Puts back the published ciphertext of every secret the file keeps; reports any secret it tries to set.</summary>
    public static void Restore(YamlMappingNode root, JsonObject json, GovernanceConfiguration current, YamlConfigurationReader reader)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("systems"), out var node) || node is not YamlSequenceNode systems
            || json["systems"] is not JsonArray items)
        {
            return;
        }
        for (var i = 0; i < systems.Children.Count && i < items.Count; i++)
        {
            if (systems.Children[i] is not YamlMappingNode system || items[i] is not JsonObject item
                || !system.Children.TryGetValue(new YamlScalarNode("secrets"), out var secretsNode) || secretsNode is not YamlMappingNode secrets
                || item["secrets"] is not JsonObject restored)
            {
                continue;
            }
            var published = Guid.TryParse((string?)item["id"], out var id) ? current.FindSystem(id) : null;
            var label = item["key"] is JsonValue key ? $"system \"{(string?)key}\"" : $"systems[{i}]";
            foreach (var (nameNode, valueNode) in secrets.Children)
            {
                var name = (nameNode as YamlScalarNode)?.Value ?? "";
                if ((valueNode as YamlScalarNode)?.Value != ConfigurationYaml.SecretPlaceholder)
                {
                    restored.Remove(name);
                    reader.Error(valueNode.Start, $"the secret \"{name}\" of {label} has a value in the file. Secrets are entered in the portal only: " +
                        $"leave it as \"{ConfigurationYaml.SecretPlaceholder}\" to keep it, or remove the line to remove the secret.");
                }
                else if (published is not null && published.Secrets.TryGetValue(name, out var ciphertext))
                {
                    restored[name] = ciphertext;
                }
                else
                {
                    restored.Remove(name);
                    reader.Error(nameNode.Start, $"{label} has no secret \"{name}\" in the published configuration. New secrets are entered in the portal only.");
                }
            }
        }
    }
}
