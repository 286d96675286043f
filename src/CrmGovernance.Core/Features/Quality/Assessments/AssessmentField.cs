using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>One catalog field's figures in one assessment (<see cref="FieldFindings"/> as stored; lists as JSON).</summary>
public sealed class AssessmentField
{
    public long Id { get; set; }
    public long AssessmentId { get; set; }
    public string Field { get; set; } = "";
    public FieldType Type { get; set; }
    public bool Required { get; set; }
    public long Filled { get; set; }
    public long Missing { get; set; }
    public FormatCheck Format { get; set; }
    public long Checked { get; set; }
    public long Invalid { get; set; }
    public long Reformattable { get; set; }
    public int Distinct { get; set; }
    public bool DistinctCapped { get; set; }
    public FieldBehaviour Behaviour { get; set; }
    public string UnknownValuesJson { get; set; } = "[]";
    public long OtherUnknownValues { get; set; }
    public string ExamplesJson { get; set; } = "[]";

    /// <summary>See <see cref="FieldFindings.ValueSignature"/>: unchanged between two assessments, the values did not change.</summary>
    public long ValueSignature { get; set; }
}
