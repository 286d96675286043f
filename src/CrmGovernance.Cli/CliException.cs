namespace CrmGovernance.Cli;

/// <summary>Ends a command with this exit code; the message (for the user) goes to standard error.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
