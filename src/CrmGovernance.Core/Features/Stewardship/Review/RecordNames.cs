using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// What a steward knows records by — "Jo Bloggs · jo@example.com", "Harbour Logistics · harbourlogistics.example" —
/// read for a page of ids from the system that holds them, through the fields the object's match rule reads. A list
/// must not wait on a slow or unreachable system: then, and for records gone, there is no name and the page shows the id.
/// Callers check the person's capability first.
/// </summary>
public sealed class RecordNames(PublishedConfiguration published, IConnectorFactory connectors)
{
    /// <summary>How long a list waits for names before it shows ids alone.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>Id → name for the ids the system still holds and that have a name or email; the others are absent.</summary>
    internal async Task<IReadOnlyDictionary<string, string>> ReadAsync(Guid systemId, Guid objectId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        if (ids.Count == 0 || configuration.FindSystem(systemId) is not { } system || configuration.FindObject(objectId) is not { } businessObject)
        {
            return new Dictionary<string, string>();
        }
        var fields = configuration.MatchRuleOf(objectId) is { } rule ? MatchFields.For(rule, configuration.CatalogOf(systemId, objectId)) : null;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await using var connector = connectors.Open(system);
            var records = await connector.LookupAsync(businessObject.Key, null, ids, patience.Token);
            return records.GroupBy(r => r.Id, StringComparer.Ordinal)
                .Select(g => (g.Key, Name: Name(fields, g.First().Fields)))
                .Where(r => r.Name is not null)
                .ToDictionary(r => r.Key, r => r.Name!, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is SystemUnavailableException or NotSupportedException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>A person's name and email, or a company's name and website, from the attributes the rule reads.</summary>
    internal static string? Name(MatchFields? fields, IReadOnlyDictionary<string, string?> values) => RecordLabel.Of(fields, values);

    /// <summary>
    /// The name a score's explanation shows for one side (normalised: lower-case), for a record its system no longer
    /// holds, such as the one a merge deleted.
    /// </summary>
    internal static string? FromExplanations(IReadOnlyList<ComparisonExplanation> explanations, bool left)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var e in explanations)
        {
            var key = e.Attribute == MatchAttributes.Company ? "name" : e.Attribute;
            values.TryAdd(key, left ? e.Left : e.Right);
        }
        return Name(null, values);
    }
}
