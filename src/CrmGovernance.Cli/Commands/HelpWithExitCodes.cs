using System.CommandLine;
using System.CommandLine.Invocation;

namespace CrmGovernance.Cli.Commands;

/// <summary>The usual help page, followed by the exit codes.</summary>
internal sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Meanings)
        {
            output.WriteLine($"  {code}  {meaning}");
        }
        output.WriteLine();
        return result;
    }
}
