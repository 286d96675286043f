using System.Globalization;
using CrmGovernance.Core.Features.Quality.Assessments;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>What the assessment found, in a few lines: the scores per dimension and some fields' figures (one of each kind).</summary>
internal static class AssessSummary
{
    private static readonly string[] Shown =
        ["email", "phone", "mobile_phone", "country", "lifecycle_stage", "lead_source", "birth_date", "last_contacted", "postcode", "website", "fax", "salutation", "territory"];

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IEnumerable<string> Lines(AssessmentProfiler profiler, IReadOnlyList<FieldFindings> findings, QualityScores scores)
    {
        var records = profiler.Records;
        yield return string.Create(C,
            $"records: {records:N0} read, {profiler.WithUpdateTime:N0} with an update time, {profiler.Stale:N0} stale ({Percent(profiler.Stale, profiler.WithUpdateTime)})");
        yield return string.Create(C,
            $"scores: completeness {Score(scores.Completeness)}, validity {Score(scores.Validity)}, uniqueness {Score(scores.Uniqueness)}, freshness {Score(scores.Freshness)}, overall {Score(scores.Overall)}");
        yield return string.Create(C,
            $"fields: {findings.Count}, {findings.Sum(f => f.Checked):N0} values checked, {findings.Sum(f => f.Invalid):N0} invalid ({Percent(findings.Sum(f => f.Invalid), findings.Sum(f => f.Checked))}), "
            + $"{findings.Sum(f => f.Reformattable):N0} phones reformattable, {findings.Count(f => f.Behaviour != FieldBehaviour.AsDeclared)} behaving unlike their type, "
            + $"{findings.Sum(f => f.Examples.Count)} examples kept");
        foreach (var field in Shown.Select(name => findings.FirstOrDefault(f => f.Field == name)).OfType<FieldFindings>())
        {
            yield return "  " + Line(field, records);
        }
    }

    private static string Line(FieldFindings f, long records)
    {
        var check = f.Checked == 0 ? "no check"
            : string.Create(C, $"{f.Format.ToString().ToLowerInvariant().Replace("none", "picklist", StringComparison.Ordinal)} invalid {f.Invalid:N0} of {f.Checked:N0} ({Percent(f.Invalid, f.Checked)})");
        var reformattable = f.Reformattable > 0 ? string.Create(C, $", {f.Reformattable:N0} reformattable") : "";
        var unknown = f.UnknownValues.Count == 0 ? ""
            : ", unknown " + string.Join(" ", f.UnknownValues.Take(3).Select(u => string.Create(C, $"\"{u.Value}\" {u.Records:N0}")));
        var behaviour = f.Behaviour == FieldBehaviour.AsDeclared ? "" : ", behaves as " + f.Behaviour;
        var distinct = f.DistinctCapped ? $"> {FieldProfile.DistinctCap}" : f.Distinct.ToString(C);
        var problems = f.Examples.Select(e => e.Problem).Distinct(StringComparer.Ordinal).Take(2).ToList();
        var example = problems.Count == 0 ? "" : " [" + string.Join("; ", problems) + "]";
        return string.Create(C,
            $"{f.Field} ({f.Type.ToString().ToLowerInvariant()}{(f.Required ? ", required" : "")}): fill {100 * f.FillRate(records):F1} %, {check}{reformattable}{unknown}, distinct {distinct}{behaviour}{example}");
    }

    private static string Score(double? score) => score is { } s ? s.ToString("F3", C) : "not measured";

    private static string Percent(long part, long whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", C) + " %";
}
