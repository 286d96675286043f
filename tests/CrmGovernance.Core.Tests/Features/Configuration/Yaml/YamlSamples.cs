using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Core.Tests.Features.Configuration.Yaml;

/// <summary>The demo configuration, plus a CRM secret and settings whose text YAML would read as other types.</summary>
internal static class YamlSamples
{
    public const string Ciphertext = "CfDJ8-RECOGNISABLE-CIPHERTEXT-4f1a9c";

    public static GovernanceConfiguration Demo() => DemoConfiguration.Build("owner@example.com", "steward@example.com");

    public static GovernanceConfiguration WithSecret()
    {
        var demo = Demo();
        return demo with
        {
            Systems = [.. demo.Systems.Select(s => s.Id != DemoConfiguration.Crm ? s : s with
            {
                Secrets = new(StringComparer.Ordinal) { ["apiKey"] = Ciphertext },
                Settings = new(StringComparer.Ordinal)
                {
                    ["timeout"] = "30", ["verbose"] = "true", ["yes"] = "no", ["empty"] = "", ["nothing"] = "null", ["tilde"] = "~",
                    ["version"] = "1.10", ["octal"] = "0o17", ["date"] = "2026-03-02", ["note"] = "first line\nsecond line\n",
                    ["padded"] = "  spaced  ", ["quote"] = "it's \"quoted\" # not a comment", ["url"] = "https://crm.example.com/api?x=1",
                },
            })],
        };
    }
}
