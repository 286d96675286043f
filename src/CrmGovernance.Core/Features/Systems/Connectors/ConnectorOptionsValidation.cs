using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>Refuses to start with a "Connectors" entry that cannot be used, naming it.</summary>
internal sealed class ConnectorOptionsValidation : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
