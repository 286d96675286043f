using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CrmGovernance.Core.Features.Configuration.Versions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>
/// Writes the canonical JSON tree of a configuration as block YAML, led by the model's types: record keys in
/// declaration order (computed ones left out), dictionary keys in ordinal order, and every string that YAML could read
/// as something else (a number, a boolean, null) quoted, so the text reads back to exactly the same values.
/// </summary>
internal sealed class YamlConfigurationWriter(IEmitter emitter)
{
    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan",
    };

    /// <summary>Punctuation every YAML parser reads as part of a plain word (outside flow collections).</summary>
    private const string PlainPunctuation = " _-./@()+,;:'?=&%#";

    public void Write(JsonNode? node, Type type)
    {
        var info = ConfigurationJson.Options.GetTypeInfo(type);
        switch (node)
        {
            case null:
                Scalar("null", ScalarStyle.Plain);
                break;
            case JsonObject o when info.Kind == JsonTypeInfoKind.Dictionary:
                Mapping(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value, info.ElementType!)).ToList());
                break;
            case JsonObject o:
                Mapping(info.Properties.Where(p => p.Set is not null && o.ContainsKey(p.Name)).Select(p => (p.Name, o[p.Name], p.PropertyType)).ToList());
                break;
            case JsonArray a:
                var style = a.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, style));
                foreach (var item in a)
                {
                    Write(item, info.ElementType!);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                Text(v.GetValue<string>());
                break;
            default:
                Scalar(node.ToJsonString(), ScalarStyle.Plain);
                break;
        }
    }

    private void Mapping(List<(string Key, JsonNode? Value, Type Type)> entries)
    {
        var style = entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, style));
        foreach (var (key, value, type) in entries)
        {
            Text(key);
            Write(value, type);
        }
        emitter.Emit(new MappingEnd());
    }

    private void Text(string value) => Scalar(value, StyleOf(value));

    private void Scalar(string value, ScalarStyle style) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true));

    /// <summary>
    /// Plain for ordinary words, literal blocks for ordinary multi-line text, double quotes for everything else: YAML
    /// parsers differ at the edges of plain style, and a quoted string always reads back as itself.
    /// </summary>
    internal static ScalarStyle StyleOf(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal) && IsPlainMultiline(value))
        {
            return ScalarStyle.Literal;
        }
        return IsPlainSafe(value) && !Ambiguous.Contains(value) && (!LooksNumeric(value) || Guid.TryParseExact(value, "D", out _))
            ? ScalarStyle.Any
            : ScalarStyle.DoubleQuoted;
    }

    private static bool IsPlainSafe(string value) =>
        value.Length > 0 && char.IsLetterOrDigit(value[0]) && value[^1] is not (' ' or ':')
        && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || PlainPunctuation.Contains(c, StringComparison.Ordinal)
            || (c > '\u007f' && !IsSpecial(c) && !char.IsWhiteSpace(c)));

    private static bool IsPlainMultiline(string value)
    {
        var lines = value.Split('\n');
        return !char.IsWhiteSpace(value[0])
            && lines.Any(l => l.Length > 0)
            && lines.All(l => !l.Any(IsSpecial) && (l.Length == 0 || !char.IsWhiteSpace(l[^1])));
    }

    /// <summary>Control characters, YAML 1.1 line breaks, byte-order marks and lone surrogates only survive in double quotes.</summary>
    private static bool IsSpecial(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c);

    /// <summary>Numbers, dates, times and octal or hex forms all start with a digit, perhaps after a sign or a dot.</summary>
    private static bool LooksNumeric(string value)
    {
        var rest = value.TrimStart('+', '-', '.');
        return rest.Length > 0 && char.IsAsciiDigit(rest[0]);
    }
}
