using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>Runs a mapping's transform chain on a source record (field name → value).</summary>
public static class MappingRunner
{
    public static MappedValue Run(FieldMapping mapping, IReadOnlyDictionary<string, string?> record, string defaultRegion)
    {
        var errors = new List<string>();
        var values = mapping.SourceFields.Select(f => record.TryGetValue(f, out var v) ? v : null).ToList();
        string? value = values.FirstOrDefault();
        foreach (var step in mapping.Transforms)
        {
            if (step.Kind == TransformKind.Concatenate)
            {
                value = string.Join(step.Arg("separator") ?? " ", values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
                value = value.Length == 0 ? null : value;
                continue;
            }
            var (next, error) = TransformStep.Apply(step, value, defaultRegion);
            if (error is not null)
            {
                errors.Add($"{mapping.TargetField}: {error}");
            }
            value = next;
        }
        return new MappedValue(mapping.TargetField, value, errors);
    }
}
