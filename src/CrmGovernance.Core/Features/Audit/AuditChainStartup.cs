using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// At start: loads the chain key (so a missing configured key stops the start with its message), says where the key
/// and the witness are, and checks the append-only triggers. Registered after the database initialiser.
/// </summary>
internal sealed partial class AuditChainStartup(IServiceScopeFactory scopes, AuditChainKey key, AuditWitness witness, ILogger<AuditChainStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (key.Generated)
        {
            LogGenerated(logger, key.Origin);
        }
        else
        {
            LogKey(logger, key.Origin, key.Id);
        }
        LogWitness(logger, witness.FilePath);
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<AuditTriggerCheck>().ProblemAsync(cancellationToken) is { } problem)
        {
            LogTriggers(logger, problem);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the audit chain key at {Origin} (readable by this account only). "
        + "Keep a copy away from the database and its backups, or configure AuditChain:KeyFile or the key variable (docs/operations.md)")]
    private static partial void LogGenerated(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain key from {Origin} (id {KeyId})")]
    private static partial void LogKey(ILogger logger, string origin, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain checkpoints go to the witness {Path}")]
    private static partial void LogWitness(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem} Recreate them with crmgov migrate only after finding out who removed them.")]
    private static partial void LogTriggers(ILogger logger, string problem);
}
