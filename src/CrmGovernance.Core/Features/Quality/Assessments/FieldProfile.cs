using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// One field's figures, added to a record at a time. Memory stays bounded whatever the record count: distinct values are
/// counted up to <see cref="DistinctCap"/>, a picklist's unknown values up to <see cref="UnknownCap"/> (the rest are
/// counted together), and <see cref="ExampleCap"/> examples are kept per kind of problem.
/// </summary>
public sealed class FieldProfile(FieldDefinition definition, string region)
{
    public const int DistinctCap = 256;
    public const int UnknownCap = 50;
    public const int ExampleCap = 5;

    /// <summary>Free text with at most this many distinct values (and enough records to say so) behaves like a picklist.</summary>
    public const int PicklistLikeMaxValues = 20;

    /// <summary>Fewer filled values than this say nothing about how a field behaves.</summary>
    public const int BehaviourMinValues = 100;

    private readonly FormatCheck _format = ValueFormats.For(definition);
    private readonly HashSet<string>? _allowed = definition.Type == FieldType.Picklist ? new(definition.AllowedValues, StringComparer.Ordinal) : null;
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unknown = new(StringComparer.Ordinal);
    private readonly List<ValueExample> _examples = [];
    private readonly Dictionary<string, int> _examplesPerProblem = new(StringComparer.Ordinal);
    private long _filled, _missing, _checked, _invalid, _reformattable, _otherUnknown;
    private bool _capped;
    private ulong _signature;

    public FieldDefinition Field => definition;

    /// <param name="recordId">The record's id, for examples.</param>
    /// <param name="idFingerprint">The id's fingerprint, for the value signature.</param>
    /// <param name="value">The field's value in the record.</param>
    public void Add(string recordId, ulong idFingerprint, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _missing++;
            if (definition.Required)
            {
                Example(recordId, value, "required, empty");
            }
            return;
        }
        _filled++;
        _signature += Mix(idFingerprint ^ (AssessmentProfiler.Fingerprint(value) * 0x9E3779B97F4A7C15UL));
        if (!_capped && _distinct.Add(value) && _distinct.Count > DistinctCap)
        {
            _capped = true;
            _distinct.Clear();
        }
        if (_allowed is not null)
        {
            _checked++;
            if (!_allowed.Contains(value))
            {
                _invalid++;
                Unknown(value);
                Example(recordId, value, "not one of the allowed values");
            }
            return;
        }
        if (_format == FormatCheck.None)
        {
            return;
        }
        _checked++;
        if (ValueFormats.Problem(_format, value, region) is { } problem)
        {
            _invalid++;
            if (_format == FormatCheck.Phone && problem.StartsWith("a phone number", StringComparison.Ordinal))
            {
                _reformattable++;
            }
            Example(recordId, value, problem);
        }
    }

    public FieldFindings Findings()
    {
        var distinct = _capped ? DistinctCap + 1 : _distinct.Count;
        var behaviour = definition.Type switch
        {
            FieldType.Text when _format == FormatCheck.None && _filled >= BehaviourMinValues && !_capped && distinct <= PicklistLikeMaxValues
                => FieldBehaviour.TextLikePicklist,
            FieldType.Picklist when _filled >= BehaviourMinValues && (_capped || distinct > Math.Max(PicklistLikeMaxValues, 3 * definition.AllowedValues.Count))
                => FieldBehaviour.PicklistLikeText,
            _ => FieldBehaviour.AsDeclared,
        };
        var unknown = _unknown.OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal).Select(u => new ValueCount(u.Key, u.Value)).ToList();
        return new FieldFindings(definition.Name, definition.Type, definition.Required, _filled, _missing, _allowed is null ? _format : FormatCheck.None, _checked, _invalid,
            _reformattable, distinct, _capped, unknown, _otherUnknown, [.. _examples], behaviour, unchecked((long)_signature));
    }

    /// <summary>SplitMix64's finaliser: spreads each (record, value) pair over 64 bits before they are summed.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private void Unknown(string value)
    {
        if (_unknown.TryGetValue(value, out var count))
        {
            _unknown[value] = count + 1;
        }
        else if (_unknown.Count < UnknownCap)
        {
            _unknown[value] = 1;
        }
        else
        {
            _otherUnknown++;
        }
    }

    private void Example(string recordId, string? value, string problem)
    {
        var kept = _examplesPerProblem.GetValueOrDefault(problem);
        if (kept < ExampleCap)
        {
            _examplesPerProblem[problem] = kept + 1;
            _examples.Add(new ValueExample(recordId, value, problem));
        }
    }
}
