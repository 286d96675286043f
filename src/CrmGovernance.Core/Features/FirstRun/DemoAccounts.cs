using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>The demo users, one per role. Only seeded and shown when <see cref="DemoOptions.Enabled"/> is true.</summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string DisplayName, string Password, string Role);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin@demo.crmgovernance.local", "Ada Admin", "demo admin ferry lantern", Roles.Admin),
        new("owner@demo.crmgovernance.local", "Otto Owner", "demo owner maple quartet", Roles.BusinessOwner),
        new("steward@demo.crmgovernance.local", "Stella Steward", "demo steward pebble orbit", Roles.Steward),
        new("manager@demo.crmgovernance.local", "Max Manager", "demo manager violet canyon", Roles.Manager),
        new("auditor@demo.crmgovernance.local", "Aude Auditor", "demo auditor copper meadow", Roles.Auditor),
    ];
}
