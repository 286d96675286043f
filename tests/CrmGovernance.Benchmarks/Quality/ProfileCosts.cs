using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// Where the profiling time goes, apart from the connector: one page of records held in memory, each catalog field's
/// <see cref="FieldProfile"/> fed it several times over (the field looked up in the record as the profiler does), grouped
/// by the check the field gets; and the profiler's own work per record (the read-once id set, the update time).
/// </summary>
internal static class ProfileCosts
{
    private const int Repeats = 4;

    public static IEnumerable<string> Measure(IReadOnlyList<ConnectorRecord> page, IReadOnlyList<FieldDefinition> fields, string region, DateTime staleBefore, long records)
    {
        var c = CultureInfo.InvariantCulture;
        if (page.Count == 0)
        {
            yield break;
        }
        var perKind = new SortedDictionary<string, (int Fields, double Microseconds)>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var profile = new FieldProfile(field, region);
            var started = Stopwatch.GetTimestamp();
            for (var repeat = 0; repeat < Repeats; repeat++)
            {
                foreach (var record in page)
                {
                    profile.Add(record.Id, AssessmentProfiler.Fingerprint(record.Id), record.Fields.GetValueOrDefault(field.Name));
                }
            }
            var microseconds = Stopwatch.GetElapsedTime(started).TotalMicroseconds / (Repeats * page.Count);
            var kind = field.Type == FieldType.Picklist ? "picklist" : ValueFormats.For(field) switch
            {
                FormatCheck.None => "no check (" + field.Type.ToString().ToLowerInvariant() + ")",
                var check => check.ToString().ToLowerInvariant(),
            };
            var (count, sum) = perKind.GetValueOrDefault(kind);
            perKind[kind] = (count + 1, sum + microseconds);
        }
        var profiler = new AssessmentProfiler([], region, staleBefore);
        var own = Stopwatch.GetTimestamp();
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            var suffix = "#" + repeat.ToString(c);
            foreach (var record in page)
            {
                profiler.Add(record with { Id = record.Id + suffix });
            }
        }
        perKind["profiler's own (ids read once, update time)"] = (0, Stopwatch.GetElapsedTime(own).TotalMicroseconds / (Repeats * page.Count));
        var total = perKind.Values.Sum(v => v.Microseconds);
        yield return string.Create(c,
            $"profiling alone, one page of {page.Count:N0} records in memory fed {Repeats} times: {total:F1} µs per record, about {total * records / 1e6:F1} s for {records:N0} records; by check:");
        foreach (var (kind, (count, microseconds)) in perKind.OrderByDescending(k => k.Value.Microseconds))
        {
            var fieldsText = count == 0 ? "" : string.Create(c, $", {count} field(s), {microseconds / count:F2} µs per value");
            yield return string.Create(c, $"  {kind}: {microseconds:F2} µs per record ({100 * microseconds / total:F0} %){fieldsText}");
        }
    }
}
