using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CrmGovernance.Core.Features.Configuration.Versions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>
/// Turns a YAML tree into the configuration's JSON tree, led by the model's types: a scalar is read as the type its key
/// expects (so "0 0 * * * ?" stays text and 7 stays a number), and every unknown key, missing required key, bad id,
/// number, boolean or enum name is reported with its line. Never stops at the first problem.
/// </summary>
internal sealed class YamlConfigurationReader
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public JsonNode? Read(YamlNode node, Type type, string where, bool nullable = false)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return IsNull(node) ? null : Read(node, inner, where);
        }
        var info = ConfigurationJson.Options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => ReadObject(node, info, where),
            JsonTypeInfoKind.Enumerable => ReadList(node, info.ElementType!, where),
            JsonTypeInfoKind.Dictionary => ReadDictionary(node, info.ElementType!, where),
            _ => ReadScalar(node, type, where, nullable),
        };
    }

    public void Error(Mark at, string message) => _errors.Add($"Line {at.Line}: {message}");

    private JsonObject? ReadObject(YamlNode node, JsonTypeInfo info, string where)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node.Start, $"{Label(where)} should be a set of keys and values.");
            return null;
        }
        var settable = info.Properties.Where(p => p.Set is not null).ToList();
        var result = new JsonObject();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyOf(keyNode);
            var property = settable.FirstOrDefault(p => p.Name == key);
            if (property is null)
            {
                Error(keyNode.Start, $"{Label(where)} has an unknown key \"{key}\". The keys are: {string.Join(", ", settable.Select(p => p.Name))}.");
                continue;
            }
            result[property.Name] = Read(value, property.PropertyType, where.Length == 0 ? key : $"{where}.{key}", property.IsSetNullable);
        }
        // A positional record's parameters (a match level's threshold and weight) are required as much as `required` members.
        foreach (var missing in settable.Where(p => (p.IsRequired || p.AssociatedParameter is { HasDefaultValue: false }) && !result.ContainsKey(p.Name)))
        {
            Error(mapping.Start, $"{Label(where)} has no {missing.Name}.");
        }
        return result;
    }

    private JsonArray ReadList(YamlNode node, Type elementType, string where)
    {
        var result = new JsonArray();
        if (IsNull(node))
        {
            return result;
        }
        if (node is not YamlSequenceNode sequence)
        {
            Error(node.Start, $"{where} should be a list.");
            return result;
        }
        var index = 0;
        foreach (var item in sequence.Children)
        {
            // One element per entry, even when it is wrong, so positions still match the YAML.
            result.Add(Read(item, elementType, $"{where}[{index++}]"));
        }
        return result;
    }

    private JsonObject ReadDictionary(YamlNode node, Type valueType, string where)
    {
        var result = new JsonObject();
        if (IsNull(node))
        {
            return result;
        }
        if (node is not YamlMappingNode mapping)
        {
            Error(node.Start, $"{where} should be a set of keys and values.");
            return result;
        }
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyOf(keyNode);
            result[key] = Read(value, valueType, $"{where}.{key}");
        }
        return result;
    }

    private JsonValue? ReadScalar(YamlNode node, Type type, string where, bool nullable)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node.Start, $"{where} should be a single value, not a list or a set of keys.");
            return null;
        }
        var text = scalar.Value ?? "";
        if (type == typeof(string))
        {
            return IsNull(scalar) ? (nullable ? null : JsonValue.Create("")) : JsonValue.Create(text);
        }
        if (type == typeof(Guid))
        {
            return Guid.TryParse(text, out var id) ? JsonValue.Create(id.ToString("D")) : Fail(node, $"{where} is \"{text}\", which is not an id.");
        }
        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : Fail(node, $"{where} is \"{text}\", which is not a whole number.");
        }
        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? JsonValue.Create(d) : Fail(node, $"{where} is \"{text}\", which is not a number (write decimals with a point, e.g. 0.95).");
        }
        if (type == typeof(bool))
        {
            return bool.TryParse(text, out var b) ? JsonValue.Create(b) : Fail(node, $"{where} is \"{text}\"; write true or false.");
        }
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return names.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name
                ? JsonValue.Create(name)
                : Fail(node, $"{where} is \"{text}\", which is not one of {string.Join(", ", names)}.");
        }
        return Fail(node, $"{where} holds a value of a kind the import does not read.");
    }

    private JsonValue? Fail(YamlNode node, string message)
    {
        Error(node.Start, message);
        return null;
    }

    private string KeyOf(YamlNode key)
    {
        if (key is YamlScalarNode { Value: { } text })
        {
            return text;
        }
        Error(key.Start, "a key should be a single word or value.");
        return "";
    }

    private static string Label(string where) => where.Length == 0 ? "the file" : where;

    /// <summary>An empty value, ~ or null written without quotes: quoted, "null" is text.</summary>
    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s && s.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
