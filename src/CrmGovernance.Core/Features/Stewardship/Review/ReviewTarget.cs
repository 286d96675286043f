using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// The system and object a review item's records live in, looked up in the published configuration, and what the
/// review pages compare and a merge may change: the catalog's fields that the records carry (all their fields but the
/// key when the system has no catalog).
/// </summary>
internal sealed record ReviewTarget(GovernanceConfiguration Configuration, ConnectedSystem System, BusinessObject BusinessObject)
{
    public static (ReviewTarget? Target, string? Problem) For(GovernanceConfiguration configuration, Guid systemId, Guid objectId)
    {
        var system = configuration.FindSystem(systemId);
        var businessObject = configuration.FindObject(objectId);
        return system is null || businessObject is null
            ? (null, "The system or object of this pair is no longer in the published configuration, so its records cannot be read.")
            : (new ReviewTarget(configuration, system, businessObject), null);
    }

    public SourceOfTruth? SourceOfTruth => Configuration.SourcesOfTruth.Find(s => s.ObjectId == BusinessObject.Id);

    /// <summary>The records with these ids, by id; a missing id is a record the system no longer holds.</summary>
    public async Task<Dictionary<string, ConnectorRecord>> ReadAsync(ISyncConnector connector, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = await connector.LookupAsync(BusinessObject.Key, null, ids, cancellationToken);
        return found.Where(r => ids.Contains(r.Id, StringComparer.Ordinal)).GroupBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The fields to compare and merge, in catalog order, named as the records name them.</summary>
    public IReadOnlyList<(string Name, string Label)> Fields(ConnectorRecord? left, ConnectorRecord? right)
    {
        var records = new[] { left, right }.OfType<ConnectorRecord>().ToList();
        var present = records.SelectMany(r => r.Fields.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var catalog = Configuration.FieldsOf(System.Id, BusinessObject.Id).ToList();
        var fields = catalog.Count == 0
            ? present.Select(name => (name, name))
            : catalog.Select(f => (Name: present.Find(p => string.Equals(p, f.Name, StringComparison.OrdinalIgnoreCase)), Label: string.IsNullOrWhiteSpace(f.Label) ? f.Name : f.Label))
                .Where(f => f.Name is not null).Select(f => (f.Name!, f.Label));
        // The records' own id column is not a value to choose: the field whose value is each record's id.
        return fields.Where(f => !records.All(r => Value(r, f.Item1) == r.Id)).DistinctBy(f => f.Item1, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Whether the object's match rule would keep the two records from auto-matching: their mailboxes and employers both differ.</summary>
    public bool MailboxAndEmployerDiffer(ConnectorRecord left, ConnectorRecord right)
    {
        if (Configuration.MatchRuleOf(BusinessObject.Id) is not { } rule)
        {
            return false;
        }
        MatchModel model;
        try
        {
            model = MatchModel.Compile(rule);
        }
        catch (InvalidOperationException)
        {
            return false; // A rule the worker cannot run either; the published configuration's checks report it.
        }
        if (model.Guard is not { } guard)
        {
            return false;
        }
        var fields = MatchFields.For(rule, Configuration.CatalogOf(System.Id, BusinessObject.Id));
        return guard.Applies(model.Prepare(fields.ToRecord(left.Id, left.Fields)), model.Prepare(fields.ToRecord(right.Id, right.Fields)));
    }

    /// <summary>A field's value, its name looked up case-insensitively.</summary>
    public static string? Value(ConnectorRecord? record, string field)
    {
        if (record is null)
        {
            return null;
        }
        if (record.Fields.TryGetValue(field, out var value))
        {
            return value;
        }
        return record.Fields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>What to tell the steward when the system cannot be used; null for an exception that is a bug.</summary>
    public string? Problem(Exception exception) => exception switch
    {
        SystemUnavailableException => $"{System.Name} cannot be reached now: {exception.Message}",
        NotSupportedException => exception.Message,
        InvalidOperationException => $"{System.Name} cannot be used: {exception.Message}",
        _ => null,
    };
}
