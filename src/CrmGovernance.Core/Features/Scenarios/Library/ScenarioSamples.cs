using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;
using CrmGovernance.Core.Features.Sync.Engine;
using PhoneNumbers;

namespace CrmGovernance.Core.Features.Scenarios.Library;

/// <summary>
/// Plausible source records for a flow, built from its mappings and the target's catalog: for every mapped source field
/// the first candidate value whose mapped result the target accepts (an email, a phone in the flow's region, a
/// picklist value the value map produces, a date in a format the mapping parses, …). Person <c>n</c> differs from
/// person <c>m</c> in every identifying value.
/// </summary>
internal sealed class ScenarioSamples(FlowPlan plan)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly string[] FirstNames = ["Elizabeth", "Jonathan", "Margaret"];
    private static readonly string[] LastNames = ["Whitfield", "Okonkwo", "Castellano"];

    public FlowPlan Plan => plan;

    /// <summary>The source record of person <paramref name="n"/> (0–2).</summary>
    public Dictionary<string, string?> Record(int n)
    {
        var record = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in plan.Mappings)
        {
            var target = plan.TargetCatalog.GetValueOrDefault(mapping.TargetField);
            foreach (var source in mapping.SourceFields.Where(f => !record.ContainsKey(f)))
            {
                record[source] = Candidates(mapping, target, source, n).FirstOrDefault(v => Accepted(mapping, target, record, source, v)) ?? Text(source, n);
            }
        }
        return record;
    }

    /// <summary>The target values the mappings make of a source record (what the target holds once it is written).</summary>
    public Dictionary<string, string?> Mapped(IReadOnlyDictionary<string, string?> source) =>
        plan.Mappings.Select(m => MappingRunner.Run(m, source, plan.Flow.DefaultRegion))
            .Where(v => !string.IsNullOrEmpty(v.Value)).GroupBy(v => v.TargetField, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (string?)g.Last().Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The mapping that writes a target field, if any.</summary>
    public FieldMapping? Writing(string targetField) =>
        plan.Mappings.LastOrDefault(m => string.Equals(m.TargetField, targetField, StringComparison.OrdinalIgnoreCase));

    /// <summary>The target's first email field the flow writes from its source.</summary>
    public FieldDefinition? EmailField => plan.TargetCatalog.Values.FirstOrDefault(f => f.Type == FieldType.Email && Writing(f.Name)?.SourceFields.Count > 0);

    /// <summary>The email the flow finds records by (a match key, or compared by the match rule); null when it finds them otherwise.</summary>
    public FieldDefinition? IdentityEmail => EmailField is { } email
        && (plan.MatchKeys.Contains(email.Name, StringComparer.OrdinalIgnoreCase) || plan.IdentityFields.ContainsKey(email.Name)) ? email : null;

    public FieldDefinition? PhoneField => plan.TargetCatalog.Values.FirstOrDefault(f => f.Type == FieldType.Phone && Writing(f.Name)?.SourceFields.Count > 0);

    public FieldDefinition? FirstNameField => plan.TargetCatalog.Values.FirstOrDefault(f => IsFirstName(f.Name) && Writing(f.Name)?.SourceFields.Count > 0);

    /// <summary>Person <paramref name="n"/>'s phone as people in the region write it (the region's example number, plus n).</summary>
    public static string NationalPhone(string region, int n) => Phones.Format(Example(region, n), PhoneNumberFormat.NATIONAL);

    public static string InternationalPhone(string region, int n) => Phones.Format(Example(region, n), PhoneNumberFormat.E164);

    private static PhoneNumber Example(string region, int n)
    {
        var example = Phones.GetExampleNumber(region) ?? Phones.GetExampleNumber("US");
        return Phones.Parse($"+{example.CountryCode}{example.NationalNumber + (ulong)n}", region);
    }

    /// <summary>Whether the value, mapped, is accepted by the target field (or there is no target field to check).</summary>
    private bool Accepted(FieldMapping mapping, FieldDefinition? target, Dictionary<string, string?> record, string source, string value)
    {
        var trial = new Dictionary<string, string?>(record, StringComparer.OrdinalIgnoreCase) { [source] = value };
        var mapped = MappingRunner.Run(mapping, trial, plan.Flow.DefaultRegion);
        return mapped.Errors.Count == 0 && !string.IsNullOrEmpty(mapped.Value) && (target is null || FieldValueCheck.Check(target, mapped.Value) is null);
    }

    private IEnumerable<string> Candidates(FieldMapping mapping, FieldDefinition? target, string source, int n)
    {
        var type = target?.Type ?? FieldType.Text;
        foreach (var step in mapping.Transforms.Where(t => t.Kind == TransformKind.ValueMap))
        {
            foreach (var key in step.Map.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                yield return key;
            }
        }
        switch (type)
        {
            case FieldType.Email:
                yield return $"{FirstNames[n].ToLowerInvariant()}.{LastNames[n].ToLowerInvariant()}@example.org";
                break;
            case FieldType.Phone:
                yield return NationalPhone(plan.Flow.DefaultRegion, n);
                yield return InternationalPhone(plan.Flow.DefaultRegion, n);
                break;
            case FieldType.Picklist:
                foreach (var value in target!.AllowedValues)
                {
                    yield return value;
                }
                break;
            case FieldType.Date or FieldType.DateTime:
                var when = new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc).AddDays(n);
                foreach (var step in mapping.Transforms.Where(t => t.Kind == TransformKind.ParseDate))
                {
                    foreach (var format in (step.Arg("formats") ?? TransformStep.IsoDate).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        yield return when.ToString(format, CultureInfo.InvariantCulture);
                    }
                }
                yield return when.ToString(type == FieldType.Date ? TransformStep.IsoDate : TransformStep.IsoDateTime, CultureInfo.InvariantCulture);
                break;
            case FieldType.Number or FieldType.Money:
                yield return (120 + n).ToString(CultureInfo.InvariantCulture);
                break;
            case FieldType.Boolean:
                yield return "false";
                break;
            default:
                break;
        }
        yield return Text(source, n);
    }

    private static string Text(string field, int n)
    {
        var name = field.ToLowerInvariant();
        return IsFirstName(name) ? FirstNames[n]
            : name.Contains("last", StringComparison.Ordinal) || name.Contains("surname", StringComparison.Ordinal) || name.Contains("family", StringComparison.Ordinal) ? LastNames[n]
            : name.Contains("name", StringComparison.Ordinal) ? $"{LastNames[n]} Trading"
            : name.Contains("id", StringComparison.Ordinal) || name.Contains("reference", StringComparison.Ordinal) || name.Contains("number", StringComparison.Ordinal)
                ? $"SCN-{1001 + n}"
            : $"Sample {field.Replace('_', ' ')} {n + 1}";
    }

    private static bool IsFirstName(string name) =>
        name.Contains("first", StringComparison.OrdinalIgnoreCase) || name.Contains("given", StringComparison.OrdinalIgnoreCase);
}
