using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>The mapping editor's working copy: plain mutable fields that turn into a <see cref="FieldMapping"/>.</summary>
public sealed class MappingDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FlowId { get; init; }
    public int Order { get; set; }
    public List<string> SourceFields { get; set; } = [];
    public string TargetField { get; set; } = "";
    public List<StepDraft> Steps { get; } = [];

    public sealed class StepDraft
    {
        public TransformKind Kind { get; set; }
        public Dictionary<string, string?> Args { get; } = new(StringComparer.Ordinal);

        /// <summary>For Value map: one "from = to" entry per line.</summary>
        public string MapText { get; set; } = "";
    }

    public static MappingDraft From(FieldMapping m)
    {
        var draft = new MappingDraft { Id = m.Id, FlowId = m.FlowId, Order = m.Order, SourceFields = [.. m.SourceFields], TargetField = m.TargetField };
        foreach (var t in m.Transforms)
        {
            var step = new StepDraft { Kind = t.Kind, MapText = string.Join("\n", t.Map.Select(e => $"{e.Key} = {e.Value}")) };
            foreach (var (name, value) in t.Args)
            {
                step.Args[name] = value;
            }
            draft.Steps.Add(step);
        }
        return draft;
    }

    /// <summary>Value-map lines that are not "from = to", so the editor can say which ones instead of dropping them.</summary>
    public IEnumerable<string> MapLineErrors() => Steps.Where(s => s.Kind == TransformKind.ValueMap)
        .SelectMany(s => s.MapText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Where(line => line.IndexOf('=', StringComparison.Ordinal) <= 0)
        .Select(line => $"The value-map line \"{line}\" needs the form from = to.");

    public FieldMapping ToMapping() => new()
    {
        Id = Id, FlowId = FlowId, Order = Order, SourceFields = [.. SourceFields], TargetField = TargetField,
        Transforms = [.. Steps.Select(ToTransform)],
    };

    private static Transform ToTransform(StepDraft step)
    {
        var transform = new Transform { Kind = step.Kind };
        foreach (var argument in TransformCatalog.Arguments(step.Kind))
        {
            // An argument the user cleared is kept as empty text (an empty separator or constant is meaningful).
            if (step.Args.TryGetValue(argument.Name, out var value) && value is not null)
            {
                transform.Args[argument.Name] = value;
            }
        }
        if (step.Kind == TransformKind.ValueMap)
        {
            foreach (var line in step.MapText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    transform.Map[line[..eq].Trim()] = line[(eq + 1)..].Trim();
                }
            }
        }
        return transform;
    }
}
