using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Yaml;

/// <summary>What a YAML file describes: a configuration, or the errors that stop it being read (with line numbers).</summary>
public sealed record ImportResult(GovernanceConfiguration? Configuration, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Configuration is not null;

    public static ImportResult Success(GovernanceConfiguration configuration) => new(configuration, []);

    public static ImportResult Failed(IReadOnlyList<string> errors) => new(null, errors);
}
