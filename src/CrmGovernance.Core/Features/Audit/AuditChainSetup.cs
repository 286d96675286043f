using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>The chain key, the witness and the trigger check, from host configuration (section <c>AuditChain</c>).</summary>
public static class AuditChainSetup
{
    /// <param name="dataFolder">The database's folder: the generated key and the default witness go in folders of their own inside it.</param>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration configuration, string contentRoot, string dataFolder)
    {
        services.AddOptions<AuditChainOptions>().Bind(configuration.GetSection(AuditChainOptions.Section))
            .Validate(o => o.HasValidWebhook(), "AuditChain:WitnessWebhookUrl must be an absolute http or https URL.")
            .ValidateOnStart();
        var options = configuration.GetSection(AuditChainOptions.Section).Get<AuditChainOptions>() ?? new AuditChainOptions();
        services.AddSingleton(_ => AuditChainKey.Load(options, contentRoot, dataFolder));
        var witnessPath = options.WitnessPath.Length > 0
            ? Path.GetFullPath(options.WitnessPath, contentRoot)
            : Path.Combine(dataFolder, "witness", "audit-checkpoints.jsonl");
        var webhook = options.HasValidWebhook() && options.WitnessWebhookUrl.Length > 0 ? new Uri(options.WitnessWebhookUrl) : null;
        services.AddSingleton(sp => new AuditWitness(sp.GetRequiredService<AuditChainKey>(), witnessPath, webhook,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AuditWitness>>()));
        services.AddScoped<AuditTriggerCheck>();
        services.AddHostedService<AuditChainStartup>();
        return services;
    }
}
