using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>
/// Walks the YAML's parser events once, before any tree is built, and refuses a file that is too large, too deep, or
/// has too many nodes once every alias is counted as the copy it stands for (so an alias bomb is refused without ever
/// being expanded). The parser itself is a loop, not a recursion, so no file can exhaust the stack here.
/// </summary>
internal static class YamlShapeCheck
{
    /// <summary>An anchored node: how many nodes an alias to it stands for, and how deep it goes below its own level.</summary>
    private readonly record struct Anchored(long Nodes, int Height);

    private sealed class Open(string anchor, long nodesBefore, int depth)
    {
        public string Anchor { get; } = anchor;
        public long NodesBefore { get; } = nodesBefore;
        public int Depth { get; } = depth;
        public int DeepestBelow { get; set; } = depth;
    }

    /// <summary>The first reason the file is refused, as "Line n: …", or null when it is within every limit.</summary>
    public static string? Refusal(string yaml)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(yaml) > YamlImportLimits.MaxBytes)
        {
            return YamlImportLimits.TooLarge;
        }
        var scanner = new Scanner(new StringReader(yaml));
        var parser = new Parser(scanner);
        var open = new Stack<Open>();
        var anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);
        long nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var at = parser.Current!.Start;
                switch (parser.Current)
                {
                    case Scalar scalar:
                        nodes++;
                        Reached(open, open.Count + 1);
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = new Anchored(1, 1);
                        }
                        break;
                    case NodeEvent { } start when start is SequenceStart or MappingStart:
                        nodes++;
                        if (open.Count + 1 > YamlImportLimits.MaxDepth)
                        {
                            return Line(at, $"the lists and sets of keys are nested more than {YamlImportLimits.MaxDepth} deep; a configuration goes about 8 deep.");
                        }
                        open.Push(new Open(start.Anchor.IsEmpty ? "" : start.Anchor.Value, nodes - 1, open.Count + 1));
                        break;
                    case SequenceEnd or MappingEnd:
                        var closed = open.Pop();
                        Reached(open, closed.DeepestBelow);
                        if (closed.Anchor.Length > 0)
                        {
                            anchors[closed.Anchor] = new Anchored(nodes - closed.NodesBefore, closed.DeepestBelow - closed.Depth + 1);
                        }
                        break;
                    case AnchorAlias alias:
                        var name = alias.Value.Value;
                        if (open.Any(o => o.Anchor == name))
                        {
                            return Line(at, $"the alias *{name} is used inside the node it names, which would repeat it forever.");
                        }
                        if (!anchors.TryGetValue(name, out var anchored))
                        {
                            return Line(at, $"the alias *{name} names no anchor (&{name}) written before it.");
                        }
                        nodes += anchored.Nodes;
                        var deepest = open.Count + anchored.Height;
                        if (deepest > YamlImportLimits.MaxDepth)
                        {
                            return Line(at, $"the alias *{name} nests the lists and sets of keys more than {YamlImportLimits.MaxDepth} deep.");
                        }
                        Reached(open, deepest);
                        break;
                }
                if (nodes > YamlImportLimits.MaxNodes)
                {
                    return Line(at, $"the file holds more than {YamlImportLimits.MaxNodes:N0} keys, values and lists (each alias counted as a copy of what it names), "
                        + "far more than any configuration; nothing was read.");
                }
            }
        }
        catch (YamlException e)
        {
            return Line(e.Start, $"the YAML is malformed: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a position of its own on some unclosed brackets.
            return Line(scanner.CurrentPosition, "the YAML is malformed here: is a bracket or a quote left open?");
        }
        return null;
    }

    private static void Reached(Stack<Open> open, int depth)
    {
        if (open.TryPeek(out var parent) && depth > parent.DeepestBelow)
        {
            parent.DeepestBelow = depth;
        }
    }

    private static string Line(Mark at, string message) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Line {at.Line}: {message}");
}
