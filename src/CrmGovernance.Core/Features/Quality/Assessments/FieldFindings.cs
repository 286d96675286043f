using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// What an assessment found in one catalog field. <see cref="Checked"/> counts the filled values a format or picklist
/// check looked at (0: the field has no check); <see cref="Distinct"/> stops counting at <see cref="FieldProfile.DistinctCap"/>.
/// <see cref="ValueSignature"/> sums a hash of every (record, filled value) pair: equal signatures in two assessments
/// mean the field's values did not change between them, whatever order the records were read in.
/// </summary>
public sealed record FieldFindings(
    string Field,
    FieldType Type,
    bool Required,
    long Filled,
    long Missing,
    FormatCheck Format,
    long Checked,
    long Invalid,
    long Reformattable,
    int Distinct,
    bool DistinctCapped,
    IReadOnlyList<ValueCount> UnknownValues,
    long OtherUnknownValues,
    IReadOnlyList<ValueExample> Examples,
    FieldBehaviour Behaviour,
    long ValueSignature)
{
    public double FillRate(long records) => records == 0 ? 0 : (double)Filled / records;
}

/// <summary>A field whose values do not behave like its type: free text with a handful of values, or a picklist with many.</summary>
public enum FieldBehaviour { AsDeclared, TextLikePicklist, PicklistLikeText }
