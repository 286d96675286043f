using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>Reads one row of the Mappings sheet into a mapping of the flow, or says in plain words what is wrong with it.</summary>
internal sealed class MappingRowReader(GovernanceConfiguration c, DataFlow flow, int steps)
{
    private readonly Dictionary<string, FieldDefinition> _sources = Catalog(c, flow.SourceSystemId, flow.ObjectId);
    private readonly Dictionary<string, FieldDefinition> _targets = Catalog(c, flow.TargetSystemId, flow.ObjectId);
    private readonly HashSet<Guid> _ids = c.Mappings.Where(m => m.FlowId == flow.Id).Select(m => m.Id).ToHashSet();
    private readonly string _source = c.FindSystem(flow.SourceSystemId)?.Name ?? "the source system";
    private readonly string _target = c.FindSystem(flow.TargetSystemId)?.Name ?? "the target system";

    /// <summary>The row's mapping; null for a blank row or one with errors (added to <paramref name="errors"/>).</summary>
    public FieldMapping? Read(IXLRow row, List<string> errors)
    {
        var number = row.RowNumber();
        var found = new List<string>();
        void Error(string message) => found.Add($"Row {number}: {message}");

        var cells = Enumerable.Range(1, WorkbookLayout.LastColumn(steps)).Select(row.Cell).ToList();
        // A formula is never read (reading would evaluate it); the user is asked to type plain text instead.
        foreach (var cell in cells.Where(cell => cell.HasFormula))
        {
            Error($"cell {cell.Address} holds a formula; type the value as plain text.");
        }
        if (found.Count > 0 || (row.LastCellUsed(XLCellsUsedOptions.Contents) is { } last && last.Address.ColumnNumber > cells.Count))
        {
            if (found.Count == 0)
            {
                Error("there is text to the right of the last step column; the import only reads the columns with a header.");
            }
            errors.AddRange(found);
            return null;
        }
        var text = cells.Select(cell => cell.GetString().Trim()).ToList();
        if (text.All(t => t.Length == 0))
        {
            return null;
        }
        var id = Id(text[WorkbookLayout.IdColumn - 1], Error);
        var order = Order(cells[WorkbookLayout.OrderColumn - 1], text[WorkbookLayout.OrderColumn - 1], Error);
        var sources = text[WorkbookLayout.SourceColumn - 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => _sources.TryGetValue(name, out var field) ? field : Missing(name, Error)).ToList();
        var target = Target(text[WorkbookLayout.TargetColumn - 1], Error);
        var transforms = Enumerable.Range(1, steps)
            .Select(k => Step(k, text[WorkbookLayout.StepColumn(k) - 1], text[WorkbookLayout.ArgumentsColumn(k) - 1], Error))
            .OfType<Transform>().ToList();
        if (found.Count > 0 || target is null || sources.Any(s => s is null))
        {
            errors.AddRange(found);
            return null;
        }
        var known = sources.OfType<FieldDefinition>().ToList();
        var mapping = new FieldMapping
        {
            Id = id, FlowId = flow.Id, Order = order, SourceFields = known.Select(s => s.Name).ToList(), TargetField = target.Name,
            Transforms = transforms,
        };
        errors.AddRange(MappingTypeCheck.Check(mapping, known, target).Select(e => $"Row {number}: {e}"));
        return mapping;
    }

    private static Dictionary<string, FieldDefinition> Catalog(GovernanceConfiguration c, Guid system, Guid obj) =>
        c.FieldsOf(system, obj).DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    private Guid Id(string text, Action<string> error)
    {
        if (text.Length == 0)
        {
            return Guid.CreateVersion7();
        }
        if (!Guid.TryParse(text, out var id) || !_ids.Contains(id))
        {
            error($"the Id {text} is not one of {flow.Name}'s mappings; leave Id empty to add a new mapping.");
        }
        return id;
    }

    private static int Order(IXLCell cell, string text, Action<string> error)
    {
        if (cell.DataType == XLDataType.Number && cell.GetDouble() is var d && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            return (int)d;
        }
        if (cell.DataType != XLDataType.Number && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var order))
        {
            return order;
        }
        error(text.Length == 0 ? "give the Order (a whole number)." : $"the Order '{text}' is not a whole number.");
        return 0;
    }

    private FieldDefinition? Missing(string name, Action<string> error)
    {
        error($"the source field {name} is not in {_source}'s catalog.");
        return null;
    }

    private FieldDefinition? Target(string name, Action<string> error)
    {
        if (name.Length == 0)
        {
            error("give the target field.");
            return null;
        }
        if (!_targets.TryGetValue(name, out var field))
        {
            error($"the target field {name} is not in {_target}'s catalog.");
        }
        return field;
    }

    private static Transform? Step(int k, string name, string arguments, Action<string> error)
    {
        if (name.Length == 0)
        {
            if (arguments.Length > 0)
            {
                error($"step {k} has arguments but no transform.");
            }
            return null;
        }
        if (WorkbookTransforms.Find(name) is not { } kind)
        {
            error($"unknown transform '{name}' (step {k}).");
            return null;
        }
        var label = WorkbookTransforms.Label(kind);
        var (args, map, problem) = TransformArgumentText.Parse(arguments);
        if (problem is not null)
        {
            error($"the arguments of step {k} ({label}) cannot be read: {problem}");
            return null;
        }
        var allowed = WorkbookTransforms.Required(kind).Concat(WorkbookTransforms.Optional(kind)).ToList();
        foreach (var missing in WorkbookTransforms.Required(kind).Where(a => !args.ContainsKey(a)))
        {
            error($"argument '{missing}' missing for {label} (step {k}).");
        }
        foreach (var extra in args.Keys.Where(a => !allowed.Contains(a, StringComparer.Ordinal)))
        {
            error($"{label} does not take the argument '{extra}' (step {k}); it takes {WorkbookTransforms.Describe(kind)}.");
        }
        if (map.Count > 0 && !WorkbookTransforms.TakesMap(kind))
        {
            error($"only a Value map takes map: entries (step {k} is {label}).");
        }
        return new Transform { Kind = kind, Args = args, Map = map };
    }
}
