using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Source of truth applied to an update: which mapped fields the flow's source may write over the target's current
/// value. A blank target value may always be filled (by Update; UpdateOwnedFieldsOnly never touches fields the source
/// does not own). A field's owner is its per-field override, else the object's system of record; without a source of
/// truth the source owns everything.
/// </summary>
public sealed class FieldOwnership(SourceOfTruth? sourceOfTruth, Guid sourceSystemId)
{
    private readonly Dictionary<string, FieldSourceOfTruth> _fields = sourceOfTruth?.Fields
        .GroupBy(f => f.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
        ?? new(StringComparer.OrdinalIgnoreCase);

    public bool Owns(string field)
    {
        if (sourceOfTruth is null)
        {
            return true;
        }
        var owner = _fields.TryGetValue(field, out var f) && f.OwnerSystemId is { } o ? o : sourceOfTruth.SystemOfRecordId;
        return owner == sourceSystemId;
    }

    /// <summary>Whether <paramref name="incoming"/> replaces <paramref name="current"/> in an update.</summary>
    public bool MayWrite(string field, string? current, string? incoming, bool ownedOnly)
    {
        if (string.Equals(current, incoming, StringComparison.Ordinal) || incoming is null)
        {
            return false;
        }
        var strategy = _fields.TryGetValue(field, out var f) ? f.Strategy : SurvivorshipStrategy.SourcePriority;
        if (string.IsNullOrEmpty(current))
        {
            return !ownedOnly || Owns(field);
        }
        if (!Owns(field))
        {
            return false;
        }
        return strategy switch
        {
            SurvivorshipStrategy.NeverOverwriteNonEmpty => false,
            SurvivorshipStrategy.MostComplete => incoming.Length > current.Length,
            SurvivorshipStrategy.SourcePriority => f is null || f.Priority.Count == 0 || f.Priority[0] == sourceSystemId,
            _ => true,
        };
    }
}
