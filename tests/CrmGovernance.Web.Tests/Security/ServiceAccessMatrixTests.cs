using System.Reflection;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// The service half of the authorization matrix: every entry point of Core's services, called as every role and as
/// nobody, is refused exactly when the capability table says the role does not hold its capability.
/// </summary>
public sealed class ServiceAccessMatrixTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly string?[] Callers = [null, .. Roles.All];

    [Fact]
    public async Task Every_service_entry_point_refuses_exactly_the_roles_the_capability_table_leaves_out()
    {
        var wrong = new List<string>();
        foreach (var entry in ServiceEntryPoints.All)
        {
            foreach (var role in Callers)
            {
                var holds = role is not null && CapabilityTable.Of(entry.Capability).AnyRoles.Contains(role);
                var (refused, detail) = await CallAsync(entry, role, holds);
                if (refused == holds)
                {
                    wrong.Add($"{entry.Name} as {role ?? "anonymous"}: {(refused ? "refused" : "allowed")} ({detail}); the table says {entry.Capability} is {(holds ? "held" : "not held")}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_public_method_of_a_service_that_acts_for_a_person_is_in_the_entry_point_list()
    {
        var services = typeof(ActorContext).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ActorContext))))
            .Append(typeof(SyncRunner))
            .Where(t => !ServiceEntryPoints.NotServices.ContainsKey(t))
            .Distinct();
        var listed = ServiceEntryPoints.All.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var missing = services
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && typeof(Task).IsAssignableFrom(m.ReturnType))
                .Select(m => t.Name + "." + m.Name))
            .Distinct()
            .Where(name => !listed.Contains(name) && !ServiceEntryPoints.NotEntryPoints.ContainsKey(name))
            .Order()
            .ToList();
        Assert.True(missing.Count == 0, "Service methods missing from ServiceEntryPoints (add each with its capability): " + string.Join(", ", missing));
    }

    [Fact]
    public void Managers_hold_read_only_capabilities_and_nothing_that_changes_data()
    {
        // Reporting an incident is the one exception the issue asks for: any signed-in user may report a data problem.
        // It asks someone to look; it changes no governed data.
        var held = CapabilityTable.All.Where(g => g.AnyRoles.Contains(Roles.Manager) && g.Capability != Capability.ReportIncidents).ToList();
        Assert.NotEmpty(held);
        Assert.All(held, g => Assert.True(g.IsReadOnly, $"{g.Capability} changes data but Managers hold it"));
        Assert.Contains(held, g => g.Capability == Capability.ViewRuns);
        Assert.Contains(held, g => g.Capability == Capability.ViewErrorQueue);
        Assert.Contains(held, g => g.Capability == Capability.ViewReviewQueue);
    }

    private async Task<(bool Refused, string Detail)> CallAsync(ServiceEntry entry, string? role, bool holds)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        if (role is not null)
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("matrix-" + role, role.ToLowerInvariant() + "@matrix.example.com", [role], AuditSources.Ui);
        }
        try
        {
            var result = await entry.Call(scope.ServiceProvider);
            // A counter for Home answers nothing to those who may not; to those who may, any answer is fine.
            return entry.AnswersNothing is { } nothing && !holds ? (nothing(result), "answered " + (result ?? "null")) : (false, "answered");
        }
        catch (UnauthorizedAccessException e)
        {
            return (true, e.Message);
        }
        catch (Exception e)
        {
            // Not found, invalid arguments, a busy flow: the caller got past the capability check.
            return (false, e.GetType().Name + ": " + e.Message);
        }
    }
}
