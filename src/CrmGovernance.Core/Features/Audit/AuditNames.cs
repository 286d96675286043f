using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// What the ids in audit rows stand for, so the log can say "Approved CR-12" or "Granted role Steward to Grace Hopper"
/// instead of showing ids: users by name and email, change requests by label, their items and the configuration's
/// items by name. An id it does not know stays as it is.
/// </summary>
public sealed class AuditNames
{
    public static readonly AuditNames None = new(new Dictionary<string, string>(), new Dictionary<Guid, string>(), new Dictionary<Guid, string>(), null);

    private Dictionary<(string Type, string Id), string> _entities = [];

    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly IReadOnlyDictionary<Guid, string> _requests;
    private readonly IReadOnlyDictionary<Guid, string> _requestItems;
    private readonly ConfigurationNames? _configuration;

    private AuditNames(IReadOnlyDictionary<string, string> users, IReadOnlyDictionary<Guid, string> requests,
        IReadOnlyDictionary<Guid, string> requestItems, ConfigurationNames? configuration)
    {
        (_users, _requests, _requestItems, _configuration) = (users, requests, requestItems, configuration);
    }

    /// <summary>"Grace Hopper (grace@example.com)"; null for an id that is no user's.</summary>
    public string? User(string? id) => id is not null && _users.TryGetValue(id, out var name) ? name : null;

    /// <summary>"CR-12"; null for an unknown request.</summary>
    public string? ChangeRequest(Guid? id) => id is { } known && _requests.TryGetValue(known, out var label) ? label : null;

    /// <summary>The name of a change request item ("flow Web form to CRM contacts"); null when unknown.</summary>
    public string? RequestItem(Guid id) => _requestItems.GetValueOrDefault(id);

    /// <summary>The name of a system, object, field, flow, … of the current configuration; null when unknown.</summary>
    public string? ConfigurationItem(Guid id) => _configuration?.Name(id);

    /// <summary>
    /// The name of an audited entity whose rows carry it only when it is created (an access token, a webhook, an incident,
    /// a baseline), taken from its insert row; null when unknown.
    /// </summary>
    public string? Entity(string entityType, string? id) => id is not null && _entities.TryGetValue((entityType, id), out var name) ? name : null;

    /// <summary>An id of any kind as a name, or null: a user id, a change request, a request item, a configuration item.</summary>
    public string? Any(string? value) =>
        value is null ? null
        : User(value) is { } user ? user
        : Guid.TryParseExact(value, "D", out var id) ? ChangeRequest(id) ?? RequestItem(id) ?? ConfigurationItem(id)
        : null;

    /// <summary>Names for these rows: every user (a portal has few), the change requests and items they mention, and the configuration's items.</summary>
    public static async Task<AuditNames> ForAsync(CrmDbContext db, IReadOnlyCollection<AuditEntry> entries, GovernanceConfiguration? configuration,
        CancellationToken cancellationToken)
    {
        var users = await UsersAsync(db, cancellationToken);
        var guids = entries.SelectMany(Guids).Distinct().ToList();
        var requests = guids.Count == 0 ? [] : await db.ChangeRequests.AsNoTracking().Where(r => guids.Contains(r.Id))
            .Select(r => new { r.Id, r.Number }).ToDictionaryAsync(r => r.Id, r => ChangeControl.ChangeRequest.LabelOf(r.Number), cancellationToken);
        var items = guids.Count == 0 ? [] : await db.ChangeRequestItems.AsNoTracking().Where(i => guids.Contains(i.Id))
            .Select(i => new { i.Id, i.DisplayName }).ToDictionaryAsync(i => i.Id, i => i.DisplayName, cancellationToken);
        return new AuditNames(users, requests, items, configuration is null ? null : new ConfigurationNames(configuration))
        {
            _entities = await EntityNamesAsync(db, entries, cancellationToken),
        };
    }

    /// <summary>For rows that change a named entity without naming it: the name its insert row gave it (one look-up per type, by the entity index).</summary>
    private static async Task<Dictionary<(string, string), string>> EntityNamesAsync(CrmDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken ct)
    {
        var names = new Dictionary<(string, string), string>();
        var wanted = entries.Where(e => e.Action != AuditActions.Insert && e.EntityId is not null && AuditEntityActionNames.NameFields.ContainsKey(e.EntityType))
            .GroupBy(e => e.EntityType, StringComparer.Ordinal);
        foreach (var type in wanted)
        {
            var ids = type.Select(e => e.EntityId!).Distinct(StringComparer.Ordinal).ToList();
            var inserts = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type.Key && ids.Contains(e.EntityId!) && e.Action == AuditActions.Insert)
                .Select(e => new { e.EntityId, e.Changes }).ToListAsync(ct);
            var field = AuditEntityActionNames.NameFields[type.Key];
            foreach (var insert in inserts)
            {
                if (AuditChange.Parse(insert.Changes).FirstOrDefault(c => c.Field == field)?.New is { Length: > 0 } name)
                {
                    names[(type.Key, insert.EntityId!)] = name;
                }
            }
        }
        return names;
    }

    /// <summary>For an export: every user and change request by their labels, and the configuration's items.</summary>
    public static async Task<AuditNames> ForExportAsync(CrmDbContext db, IReadOnlyDictionary<Guid, string> changeRequestLabels,
        GovernanceConfiguration? configuration, CancellationToken cancellationToken) =>
        new(await UsersAsync(db, cancellationToken), changeRequestLabels, new Dictionary<Guid, string>(),
            configuration is null ? null : new ConfigurationNames(configuration));

    private static async Task<Dictionary<string, string>> UsersAsync(CrmDbContext db, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) || u.DisplayName == u.Email
                ? u.Email ?? u.Id
                : $"{u.DisplayName} ({u.Email})", StringComparer.Ordinal);

    private static IEnumerable<Guid> Guids(AuditEntry entry)
    {
        if (entry.ChangeRequestId is { } request)
        {
            yield return request;
        }
        if (Guid.TryParseExact(entry.EntityId, "D", out var id))
        {
            yield return id;
        }
        foreach (var change in AuditChange.Parse(entry.Changes))
        {
            foreach (var value in new[] { change.Old, change.New })
            {
                if (value is { Length: 36 } && Guid.TryParseExact(value, "D", out var referenced))
                {
                    yield return referenced;
                }
            }
        }
    }
}
