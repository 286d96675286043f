using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>When a change request is checked: as its author submits it, or as a reviewer approves (publishes) it.</summary>
public enum ChangeCheckStage { Submit, Approve }

/// <summary>
/// A check a later feature makes before a change request is submitted or approved (scenarios must pass, sign-off must be
/// given), registered as a service so change control runs it without knowing the feature. A refusal says why, in words.
/// </summary>
public interface IChangeRequestCheck
{
    Task<IReadOnlyList<string>> CheckAsync(ChangeRequest request, GovernanceConfiguration published, GovernanceConfiguration draft, ChangeCheckStage stage,
        CancellationToken cancellationToken);
}

/// <summary>Runs every registered check; the refusals of all of them together.</summary>
public sealed class ChangeRequestChecks(IEnumerable<IChangeRequestCheck> checks)
{
    public async Task<IReadOnlyList<string>> RunAsync(ChangeRequest request, GovernanceConfiguration published, GovernanceConfiguration draft, ChangeCheckStage stage,
        CancellationToken cancellationToken)
    {
        var refusals = new List<string>();
        foreach (var check in checks)
        {
            refusals.AddRange(await check.CheckAsync(request, published, draft, stage, cancellationToken));
        }
        return refusals;
    }

    /// <summary>
    /// What a request changes, as a hash of its items: equal while nothing in it changes, whatever the published version
    /// under it. A sign-off or an override holds for the content it was given on.
    /// </summary>
    public static string Fingerprint(IEnumerable<ChangeRequestItem> items)
    {
        var text = new StringBuilder();
        foreach (var item in items.OrderBy(i => i.Kind).ThenBy(i => i.ItemId))
        {
            text.Append(item.Kind).Append('/').Append(item.ItemId.ToString("N")).Append('=').Append(item.AfterJson ?? "(deleted)").Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
