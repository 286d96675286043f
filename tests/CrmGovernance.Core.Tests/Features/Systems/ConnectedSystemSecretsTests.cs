using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Systems;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.AspNetCore.DataProtection;

namespace CrmGovernance.Core.Tests.Features.Systems;

public sealed class ConnectedSystemSecretsTests
{
    private const string ApiKey = "sk-live-THIS-MUST-NEVER-BE-STORED-IN-CLEAR";

    [Fact]
    public async Task A_secret_entered_for_a_system_is_stored_only_encrypted_in_drafts_versions_and_the_audit_trail()
    {
        await using var scenario = await ChangeControlScenario.StartAsync();
        var protector = new SecretProtector(new EphemeralDataProtectionProvider());
        var crm = (await scenario.CurrentAsync()).Configuration.FindSystem(DemoConfiguration.Crm)!;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("CRM API key", "Connect the CRM"));

        ChangeControlScenario.Require(await scenario.AsOwner(s =>
            new ConnectedSystemEditor(s, protector).SaveAsync(id, crm, crm, new Dictionary<string, string?> { ["api_key"] = ApiKey }, [])));
        ChangeControlScenario.Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        ChangeControlScenario.Require(await scenario.As(ChangeControlScenario.Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));

        var published = await scenario.CurrentAsync();
        var stored = published.Configuration.FindSystem(DemoConfiguration.Crm)!.Secrets["api_key"];
        Assert.Equal(ApiKey, protector.Unprotect(stored));
        Assert.DoesNotContain(ApiKey, ConfigurationJson.Serialize(published.Configuration), StringComparison.Ordinal);
        var request = await scenario.AsOwner(s => s.GetAsync(id));
        Assert.DoesNotContain(request!.Items, i => (i.AfterJson ?? "").Contains(ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(await scenario.Host.AuditRowsAsync(), r => r.Changes.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blank_secret_input_keeps_the_stored_secret_and_a_removed_one_is_dropped()
    {
        await using var scenario = await ChangeControlScenario.StartAsync();
        var protector = new SecretProtector(new EphemeralDataProtectionProvider());
        var published = (await scenario.CurrentAsync()).Configuration.FindSystem(DemoConfiguration.Crm)!;
        var crm = published with
        {
            Secrets = new(StringComparer.Ordinal) { ["api_key"] = protector.Protect("old"), ["password"] = protector.Protect("pw") },
        };
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Rotate", "Drop the password"));

        ChangeControlScenario.Require(await scenario.AsOwner(s =>
            new ConnectedSystemEditor(s, protector).SaveAsync(id, published, crm, new Dictionary<string, string?> { ["api_key"] = "", ["password"] = "typed before removing" }, ["password"])));

        var draft = (await scenario.AsOwner(s => s.DraftConfigurationAsync(id))).FindSystem(DemoConfiguration.Crm)!;
        Assert.Equal(["api_key"], draft.Secrets.Keys);
        Assert.Equal("old", protector.Unprotect(draft.Secrets["api_key"]));
    }
}
