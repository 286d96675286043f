using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>Run at start (ValidateOnStart): the host does not start when its key-encryption key is missing or unusable.</summary>
internal sealed class KeyEncryptionCheck(KeyEncryptionKeys keys) : IValidateOptions<KeyEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyEncryptionOptions options) =>
        keys.Problem is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
