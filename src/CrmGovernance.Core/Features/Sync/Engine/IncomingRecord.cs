using CrmGovernance.Core.Features.Configuration.Transforms;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>A source record after mapping: its source fields, the target values the mappings produced, and any errors.</summary>
public sealed class IncomingRecord
{
    private IncomingRecord(ConnectorRecord source, Dictionary<string, string?> values, List<string> errors)
    {
        Source = source;
        Values = values;
        Errors = errors;
    }

    public ConnectorRecord Source { get; }
    public string SourceId => Source.Id;
    /// <summary>Target field → value, as mapped (rules may set more).</summary>
    public Dictionary<string, string?> Values { get; }
    public List<string> Errors { get; }

    /// <summary>The mapped value of a target field, else the source value of a source field.</summary>
    public string? Value(string field) =>
        Values.TryGetValue(field, out var mapped) ? mapped : Source.Fields.TryGetValue(field, out var raw) ? raw : null;

    /// <summary>Maps a source record and checks the result against the target's catalog (required, type, picklist).</summary>
    public static IncomingRecord Map(FlowPlan plan, ConnectorRecord source)
    {
        var values = new Dictionary<string, string?>(plan.Mappings.Count, StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        if (!SourceIdLimit.Fits(source.Id))
        {
            errors.Add(SourceIdLimit.Error(source.Id));
        }
        var explained = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in plan.Mappings)
        {
            var mapped = MappingRunner.Run(mapping, source.Fields, plan.Flow.DefaultRegion);
            values[mapping.TargetField] = string.IsNullOrEmpty(mapped.Value) ? null : mapped.Value;
            errors.AddRange(mapped.Errors);
            if (mapped.Errors.Count > 0)
            {
                explained.Add(mapping.TargetField);
            }
        }
        foreach (var field in plan.TargetCatalog.Values)
        {
            // A field whose transform already said what is wrong is not checked again: the catalog check would repeat
            // the same complaint about the same value (the error queue showed "email: 'x' is not an email address." twice).
            if (!explained.Contains(field.Name) && (values.TryGetValue(field.Name, out var value) || field.Required)
                && FieldValueCheck.Check(field, value) is { } error)
            {
                errors.Add(error);
            }
        }
        return new IncomingRecord(source, values, errors.Distinct(StringComparer.Ordinal).ToList());
    }
}
