using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// The figures of one system's object, fed a record at a time by the reader: the record count, each catalog field's
/// <see cref="FieldProfile"/>, and the records not updated since <paramref name="staleBefore"/> (of those whose system
/// says when they were updated). A record read twice (changed while the assessment read) counts once.
/// </summary>
public sealed class AssessmentProfiler(IEnumerable<FieldDefinition> fields, string region, DateTime staleBefore)
{
    public const int StaleExampleCap = 5;

    private readonly List<FieldProfile> _fields = fields.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new FieldProfile(f, region)).ToList();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<ValueExample> _staleExamples = [];

    public long Records { get; private set; }
    public long WithUpdateTime { get; private set; }
    public long Stale { get; private set; }

    public void Add(ConnectorRecord record)
    {
        if (string.IsNullOrEmpty(record.Id) || !_seen.Add(record.Id))
        {
            return;
        }
        Records++;
        foreach (var profile in _fields)
        {
            profile.Add(record.Id, record.Fields.GetValueOrDefault(profile.Field.Name));
        }
        if (record.UpdatedUtc is { } updated)
        {
            WithUpdateTime++;
            if (updated < staleBefore)
            {
                Stale++;
                if (_staleExamples.Count < StaleExampleCap)
                {
                    _staleExamples.Add(new ValueExample(record.Id, updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "not updated since"));
                }
            }
        }
    }

    public IReadOnlyList<ValueExample> StaleExamples => _staleExamples;

    public IReadOnlyList<FieldFindings> Findings() => [.. _fields.Select(f => f.Findings())];
}
