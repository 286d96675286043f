using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Users.AccessTokens;
using CrmGovernance.Core.Tests.Features.Users.AccessTokens;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>The audited entities added after the first ones, and the held-change and token events, read by name, not by id.</summary>
public sealed class AuditNamedEntityActionsTests
{
    [Theory]
    [InlineData(AuditActions.ReviewApplyHeldChange, "{\"system\":\"crm\",\"object\":\"contact\",\"record\":\"C-00042\",\"sourceRecord\":\"web-17\",\"before\":{},\"after\":{}}",
        "Applied the held change from web-17 to contact C-00042 in crm (review item 7)")]
    [InlineData(AuditActions.ReviewDismissHeldChange, "{\"record\":\"C-00042\",\"sourceRecord\":\"web-17\",\"kept\":{},\"dismissed\":{}}",
        "Kept the existing values of C-00042: dismissed the held change from web-17 (review item 7)")]
    [InlineData(AuditActions.AccessTokenRevoked, "{\"owner\":\"ada@example.com\",\"name\":\"Weekly report\",\"prefix\":\"crmg_1a2b3c4d\",\"byOwner\":false}",
        "Revoked access token “Weekly report” (crmg_1a2b3c4d) of ada@example.com")]
    public void Held_change_and_token_events_read_as_what_happened(string action, string details, string expected) =>
        Assert.Equal(expected, AuditActionNames.Describe(new AuditEntry { Action = action, EntityType = "ReviewItem", EntityId = "7", Changes = details }, AuditNames.None));

    [Theory]
    [InlineData(AuditActions.ReviewApplyHeldChange, "Held change applied")]
    [InlineData(AuditActions.ReviewDismissHeldChange, "Held change dismissed")]
    [InlineData(AuditActions.AccessTokenRevoked, "Access token revoked")]
    public void The_action_filter_names_them(string code, string expected) => Assert.Equal(expected, AuditActionNames.OfCode(code));

    [Theory]
    [InlineData("Notification webhook", AuditActions.Insert, "[{\"field\":\"Name\",\"old\":null,\"new\":\"On-call chat\"},{\"field\":\"Enabled\",\"old\":null,\"new\":\"true\"}]",
        "Added notification webhook “On-call chat”")]
    [InlineData("Notification webhook", AuditActions.Update, "[{\"field\":\"Enabled\",\"old\":\"true\",\"new\":\"false\"}]", "Turned off notification webhook 5")]
    [InlineData("Notification webhook", AuditActions.Delete, "[{\"field\":\"Name\",\"old\":\"On-call chat\",\"new\":null}]", "Deleted notification webhook “On-call chat”")]
    [InlineData("Incident", AuditActions.Insert, "[{\"field\":\"Title\",\"old\":null,\"new\":\"Marketing automation is unavailable\"}]",
        "Opened incident #5 “Marketing automation is unavailable”")]
    [InlineData("Incident", AuditActions.Update, "[{\"field\":\"State\",\"old\":\"Open\",\"new\":\"Acknowledged\"}]", "Acknowledged incident #5")]
    [InlineData("Incident", AuditActions.Update, "[{\"field\":\"State\",\"old\":\"Resolved\",\"new\":\"Open\"}]", "Reopened incident #5")]
    [InlineData("Incident", AuditActions.Update, "[{\"field\":\"Owner\",\"old\":\"a@example.com\",\"new\":\"b@example.com\"}]", "Handed incident #5 to b@example.com")]
    [InlineData("Baseline", AuditActions.Insert,
        "[{\"field\":\"Name\",\"old\":null,\"new\":\"Four weeks before go-live\"},{\"field\":\"From\",\"old\":null,\"new\":\"01/05/2026\"},{\"field\":\"To\",\"old\":null,\"new\":\"02/01/2026\"}]",
        "Set baseline “Four weeks before go-live” (2026-01-05 to 2026-02-01)")]
    [InlineData("Notification preference", AuditActions.Update, "[{\"field\":\"EmailEnabled\",\"old\":\"true\",\"new\":\"false\"}]",
        "Changed the notification preferences of a user (email enabled)")]
    [InlineData("AccessToken", AuditActions.Insert,
        "[{\"field\":\"Name\",\"old\":null,\"new\":\"CI export\"},{\"field\":\"Prefix\",\"old\":null,\"new\":\"crmg_1a2b3c4d\"},{\"field\":\"UserEmail\",\"old\":null,\"new\":\"ada@example.com\"}]",
        "Created access token “CI export” (crmg_1a2b3c4d) for ada@example.com")]
    public void Entity_changes_read_as_what_happened(string entityType, string action, string changes, string expected) =>
        Assert.Equal(expected, AuditActionNames.Describe(new AuditEntry { Action = action, EntityType = entityType, EntityId = "5", Changes = changes }, AuditNames.None));

    [Fact]
    public async Task A_revoked_token_is_named_in_the_log_by_the_name_it_was_created_with()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Weekly report");
        await using (var scope = host.Scope(a => a.SetUser("id-grace", "grace@example.com", [Roles.Admin], AuditSources.Ui)))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccessTokenService>().RevokeAsync(created.Id)).Succeeded);
        }

        await using var reader = host.ScopeAs("reader", Roles.Auditor);
        var rows = (await reader.ServiceProvider.GetRequiredService<AuditLogService>().PageAsync(new AuditLogFilter(), 0, 50)).Items
            .Where(r => r.Entry.EntityId == created.Id.ToString()).Select(r => r.Action).ToList();

        var prefix = created.Prefix;
        Assert.Contains($"Created access token “Weekly report” ({prefix}) for ada@example.com", rows);
        Assert.Contains("Revoked access token “Weekly report”", rows);
        Assert.Contains($"Revoked access token “Weekly report” ({prefix}) of ada@example.com", rows);
        Assert.DoesNotContain(rows, r => r.Contains(created.Id.ToString(), StringComparison.Ordinal));
    }
}
