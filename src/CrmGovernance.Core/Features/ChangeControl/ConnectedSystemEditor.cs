using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>Saves a system into a draft change request, encrypting newly entered secrets first.</summary>
public sealed class ConnectedSystemEditor(ChangeRequestService requests, SecretProtector protector)
{
    /// <param name="newSecrets">Secret name → newly entered value; blank values keep the secret as it is.</param>
    /// <param name="removedSecrets">Names of secrets to drop.</param>
    /// <param name="original">The system as the page showed it (null: a new system); see <see cref="ChangeRequestService.SaveEditAsync"/>.</param>
    public Task<OperationResult> SaveAsync(Guid changeRequestId, ConnectedSystem? original, ConnectedSystem system,
        IReadOnlyDictionary<string, string?> newSecrets, IReadOnlyCollection<string> removedSecrets, CancellationToken cancellationToken = default)
    {
        var secrets = new SortedDictionary<string, string>(system.Secrets, StringComparer.Ordinal);
        foreach (var name in removedSecrets)
        {
            secrets.Remove(name);
        }
        foreach (var (name, value) in newSecrets)
        {
            if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrEmpty(value) && !removedSecrets.Contains(name))
            {
                secrets[name.Trim()] = protector.Protect(value);
            }
        }
        return requests.SaveEditAsync(changeRequestId, original, system with { Secrets = secrets }, cancellationToken);
    }
}
