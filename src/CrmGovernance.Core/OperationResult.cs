namespace CrmGovernance.Core;

/// <summary>The outcome of a command a user asked for: success, or messages that say what to fix.</summary>
public sealed record OperationResult(IReadOnlyList<string> Errors)
{
    public static readonly OperationResult Success = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static OperationResult Fail(params string[] errors) => new(errors);
}
