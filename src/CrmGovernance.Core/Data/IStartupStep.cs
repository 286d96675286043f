namespace CrmGovernance.Core.Data;

/// <summary>
/// Work a feature needs done once at start, after the schema is migrated and before any other hosted service starts
/// (seeding the first users, creating the demo systems). Registered scoped by the feature; run in registration order by
/// <see cref="DatabaseInitializer"/> under the system actor "startup".
/// </summary>
public interface IStartupStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
