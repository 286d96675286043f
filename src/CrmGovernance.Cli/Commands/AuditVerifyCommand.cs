using System.CommandLine;
using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// <c>crmgov audit verify</c>: walks the whole audit chain with the chain key, checks it against every checkpoint of the
/// witness and checks the append-only triggers; records the result as the portal's verification does, prints it, and
/// signs a checkpoint of the verified head.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create(Option<string> contentRoot)
    {
        var command = new Command("verify",
            "Verifies the audit log's keyed hash chain from its first row to its head against the witness's signed checkpoints, checks the "
            + "append-only triggers, records the result (shown on the portal's audit page) and prints it. "
            + $"Exit code 0 only when everything verifies; {ExitCodes.ChainBroken} when anything was tampered with.");
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: false, async (host, _) =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem(AuditCommand.Actor, null);
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerificationService>()
                .VerifyAndRecordAsync($"crmgov audit verify by {Environment.UserName}", host.Stopping);
            return Print(result.IsIntact, result.RowsChecked, result.HeadSequence, result.HeadHash, result.FirstBrokenSequence, result.Problem);
        }));
        return command;
    }

    /// <summary>The chain's state in two lines; the exit code that goes with it.</summary>
    public static int Print(bool intact, long rowsChecked, long headSequence, string headHash, long? firstBroken, string? problem)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(intact ? string.Create(c, $"Chain: intact, {rowsChecked:N0} rows verified up to row {headSequence:N0}")
            : firstBroken is null ? $"Chain: TAMPERED: {problem}"
            : string.Create(c, $"Chain: BROKEN at row {firstBroken:N0}: {problem}"));
        Console.WriteLine(intact
            ? string.Create(c, $"Head: row {headSequence:N0}, hash {headHash}")
            : string.Create(c, $"Last verified row: {headSequence:N0}, hash {headHash}"));
        return intact ? ExitCodes.Succeeded : ExitCodes.ChainBroken;
    }
}
