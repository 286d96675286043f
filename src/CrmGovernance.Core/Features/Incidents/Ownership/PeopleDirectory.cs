using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>
/// The portal accounts behind the people a configuration names, read in two queries for the whole page: whether each
/// email is a user, disabled, and holds a role that may work incidents (the test <see cref="IncidentOwnership"/> applies).
/// </summary>
internal sealed class PeopleDirectory
{
    private static readonly IReadOnlyList<string> ActingRoles = [.. CapabilityTable.Of(Capability.WorkIncidents).AnyRoles];

    private readonly Dictionary<string, (bool Disabled, bool CanAct)> _people;

    private PeopleDirectory(Dictionary<string, (bool, bool)> people) => _people = people;

    public static async Task<PeopleDirectory> LoadAsync(CrmDbContext db, IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var normalized = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(Normalize).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, Email = u.NormalizedEmail!, u.IsDisabled }).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var acting = (await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId) && ActingRoles.Contains(r.RoleId))
            .Select(r => r.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new PeopleDirectory(users.GroupBy(u => u.Email, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.All(u => u.IsDisabled), g.Any(u => !u.IsDisabled && acting.Contains(u.Id))), StringComparer.Ordinal));
    }

    /// <summary>Why <paramref name="owner"/> cannot answer for an incident; null when they can.</summary>
    public string? OwnerGap(string owner)
    {
        if (string.IsNullOrWhiteSpace(owner))
        {
            return "No owner";
        }
        if (!_people.TryGetValue(Normalize(owner), out var person))
        {
            return $"Owner {owner.Trim()} is not a user of the portal";
        }
        if (person.Disabled)
        {
            return $"Owner {owner.Trim()} is disabled";
        }
        return person.CanAct ? null : $"Owner {owner.Trim()} holds no role that can work incidents ({string.Join(", ", ActingRoles)})";
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
