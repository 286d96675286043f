using System.Text.Json;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>How an assessment's lists are stored (camel-case JSON) and read back.</summary>
public static class AssessmentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static AssessmentField Row(long assessmentId, FieldFindings f) => new()
    {
        AssessmentId = assessmentId, Field = f.Field, Type = f.Type, Required = f.Required, Filled = f.Filled, Missing = f.Missing, Format = f.Format,
        Checked = f.Checked, Invalid = f.Invalid, Reformattable = f.Reformattable, Distinct = f.Distinct, DistinctCapped = f.DistinctCapped,
        Behaviour = f.Behaviour, UnknownValuesJson = JsonSerializer.Serialize(f.UnknownValues, Options), OtherUnknownValues = f.OtherUnknownValues,
        ExamplesJson = JsonSerializer.Serialize(f.Examples, Options), ValueSignature = f.ValueSignature,
    };

    public static IReadOnlyList<ValueCount> UnknownValues(AssessmentField row) => JsonSerializer.Deserialize<List<ValueCount>>(row.UnknownValuesJson, Options) ?? [];

    public static IReadOnlyList<ValueExample> Examples(string json) => JsonSerializer.Deserialize<List<ValueExample>>(json, Options) ?? [];
}
