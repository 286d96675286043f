namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Where the audit chain's key and its witness live. Host configuration only (appsettings, environment): never in the
/// database, which is what they protect against.
/// </summary>
public sealed class AuditChainOptions
{
    public const string Section = "AuditChain";
    public const string DefaultKeyVariable = "CRMGOV_AUDIT_CHAIN_KEY";

    /// <summary>A file holding the key (base64 of at least 32 random bytes). Relative paths are under the content root.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>The environment variable holding the key (base64), used when <see cref="KeyFile"/> is empty.</summary>
    public string KeyVariable { get; set; } = DefaultKeyVariable;

    /// <summary>The append-only file of signed checkpoints. Empty: <c>witness/audit-checkpoints.jsonl</c> in the database's folder.</summary>
    public string WitnessPath { get; set; } = "";

    /// <summary>Optional: every checkpoint is also POSTed here as JSON. Failures are logged and never block anything.</summary>
    public string WitnessWebhookUrl { get; set; } = "";

    public bool HasValidWebhook() =>
        WitnessWebhookUrl.Length == 0
        || (Uri.TryCreate(WitnessWebhookUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
