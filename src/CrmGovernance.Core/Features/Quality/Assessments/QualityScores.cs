namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// An object's scores per dimension, from 0 to 1; null where the dimension was not measured (no required or catalog
/// field, no value with a check, no duplicate scan, no update times). <see cref="Overall"/> is the mean of the measured
/// ones only: a dimension nobody measured never counts as full marks.
/// </summary>
public sealed record QualityScores(double? Completeness, double? Validity, double? Uniqueness, double? Freshness)
{
    public double? Overall
    {
        get
        {
            double?[] all = [Completeness, Validity, Uniqueness, Freshness];
            var measured = all.Where(d => d is not null).Select(d => d!.Value).ToList();
            return measured.Count == 0 ? null : measured.Average();
        }
    }

    /// <summary>
    /// Completeness: the share of required values present (of every catalog field's values when none is required).
    /// Validity: the share of checked values that conform. Uniqueness: 1 − the duplicate scan's duplicate rate.
    /// Freshness: the share of records with an update time that were updated within the stale period.
    /// </summary>
    public static QualityScores From(long records, IReadOnlyList<FieldFindings> fields, double? duplicateRate, long? withUpdateTime, long stale)
    {
        var completenessFields = fields.Any(f => f.Required) ? fields.Where(f => f.Required).ToList() : fields;
        double? completeness = records == 0 || completenessFields.Count == 0 ? null
            : completenessFields.Sum(f => (double)f.Filled) / ((double)records * completenessFields.Count);
        var checkedValues = fields.Sum(f => f.Checked);
        double? validity = checkedValues == 0 ? null : 1 - (double)fields.Sum(f => f.Invalid) / checkedValues;
        double? uniqueness = duplicateRate is { } rate ? 1 - rate : null;
        double? freshness = withUpdateTime is > 0 ? 1 - (double)stale / withUpdateTime.Value : null;
        return new QualityScores(completeness, validity, uniqueness, freshness);
    }
}
