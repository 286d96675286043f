using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Core.Features.FirstRun.DemoConfiguration;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// The demo's two configuration versions: version 1, as the integration ran before go-live (web enquiries collected every
/// four hours and never matched to existing contacts, refunds not passed on), and version 2, the demo configuration,
/// published at go-live by an approved change request. Go-live changed the web form and order flows and left the
/// opportunities flow alone, so the before/after comparison has a control.
/// </summary>
internal static class DemoHistoryVersions
{
    /// <summary>The configuration before go-live, derived from <paramref name="live"/>.</summary>
    public static GovernanceConfiguration BeforeGoLive(GovernanceConfiguration live)
    {
        var goLiveRules = GoLiveRules(live).Select(r => r.Id).ToHashSet();
        return live with
        {
            Flows = [.. live.Flows.Select(f => f.Id == WebFormFlow
                ? f with { Pattern = FlowPattern.Scheduled, Cron = "0 0 0/4 * * ?", MatchKeys = [] }
                : f)],
            Rules = [.. live.Rules.Where(r => !goLiveRules.Contains(r.Id))],
        };
    }

    /// <summary>The rules go-live added: existing emails update the contact, refunds set the customer status.</summary>
    private static IEnumerable<BusinessRule> GoLiveRules(GovernanceConfiguration live) =>
        live.Rules.Where(r => (r.FlowId == WebFormFlow && r.Trigger == RuleTriggerKind.MatchedExisting) || (r.FlowId == OrdersFlow && r.Trigger == RuleTriggerKind.FieldChangedTo));

    /// <summary>Adds version 1, the go-live change request and version 2 (not yet saved); returns version 2.</summary>
    public static async Task<ConfigurationVersion> AddAsync(CrmDbContext db, GovernanceConfiguration live, DemoHistoryTimeline timeline, CancellationToken ct)
    {
        var before = BeforeGoLive(live);
        var issues = ConfigurationValidator.Validate(before);
        if (issues.Count > 0)
        {
            throw new InvalidOperationException("The demo's configuration before go-live is invalid: " + string.Join(" ", issues.Select(i => i.Message)));
        }
        var author = await UserAsync(db, DemoAccounts.All.First(a => a.Role == Access.Roles.BusinessOwner), ct);
        var approver = await UserAsync(db, DemoAccounts.All.First(a => a.Role == Access.Roles.Admin), ct);
        db.ConfigurationVersions.Add(new ConfigurationVersion
        {
            Number = 1, PublishedUtc = timeline.StartUtc.AddDays(-1), PublishedByName = db.Actor.Name,
            SnapshotJson = ConfigurationJson.Serialize(before), Hash = ConfigurationJson.Hash(before),
        });
        var goLive = timeline.GoLiveUtc;
        var request = new ChangeRequest
        {
            Id = DemoConfigurationBuilder.Id("history:go-live"), Number = 1, Title = DemoHistory.GoLiveTitle,
            Reason = "Sales followed up web enquiries hours late and found the same person as two or three contacts; account managers re-keyed refunds. "
                + "(Generated demo history: this change request and version 2 mark the demo's go-live.)",
            Status = ChangeRequestStatus.Approved, AuthorId = author.Id, AuthorName = author.Name,
            CreatedUtc = goLive.AddDays(-6), SubmittedUtc = goLive.AddDays(-3), UpdatedUtc = goLive,
            DecidedById = approver.Id, DecidedByName = approver.Name, DecidedUtc = goLive, DecisionComment = "Tested in the sandbox with last month's enquiries.",
            PublishedVersion = 2,
        };
        var webBefore = before.FindFlow(WebFormFlow)!;
        var webAfter = live.FindFlow(WebFormFlow)!;
        request.Items.Add(Item(request, ConfigurationItemKind.Flow, webAfter.Id, webAfter.Name, webBefore, webAfter, goLive));
        foreach (var rule in GoLiveRules(live))
        {
            request.Items.Add(Item(request, ConfigurationItemKind.Rule, rule.Id, rule.Name, null, rule, goLive));
        }
        db.ChangeRequests.Add(request);
        var version = new ConfigurationVersion
        {
            Number = 2, PublishedUtc = goLive, ChangeRequestId = request.Id, PublishedByName = approver.Name,
            SnapshotJson = ConfigurationJson.Serialize(live), Hash = ConfigurationJson.Hash(live),
        };
        db.ConfigurationVersions.Add(version);
        return version;
    }

    private static ChangeRequestItem Item(ChangeRequest request, ConfigurationItemKind kind, Guid itemId, string name, IConfigurationItem? before,
        IConfigurationItem after, DateTime at) => new()
    {
        Id = DemoConfigurationBuilder.Id($"history:go-live:{kind}:{itemId}"), ChangeRequestId = request.Id, Kind = kind, ItemId = itemId, DisplayName = name,
        BeforeJson = before is null ? null : ConfigurationJson.Serialize(before), AfterJson = ConfigurationJson.Serialize(after), UpdatedUtc = at,
    };

    private static async Task<(string Id, string Name)> UserAsync(CrmDbContext db, DemoAccounts.Account account, CancellationToken ct)
    {
        var id = await db.Users.AsNoTracking().Where(u => u.Email == account.Email).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return (id ?? "", account.DisplayName);
    }
}
