using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// <c>crmgov audit export --from DATE --to DATE --out FILE.xlsx [filters]</c>: the filtered audit log as an Excel workbook,
/// written beside the target and moved over it, so an interrupted export leaves no half file.
/// </summary>
internal static class AuditExportCommand
{
    public static Command Create(Option<string> contentRoot)
    {
        var from = AuditDates.Option("--from", "First moment to export (included), UTC. Default: the first audit row.");
        var to = AuditDates.Option("--to", "Last day to export (a plain date includes that whole day), or the moment before which to stop, UTC. Default: the head.");
        var output = new Option<string>("--out") { Description = "The .xlsx file to write (replaced if it exists).", HelpName = "file.xlsx", Required = true };
        var actor = new Option<string>("--actor") { Description = "Only rows of this actor (user name, email or user id).", HelpName = "name" };
        var entity = new Option<string>("--entity") { Description = "Only rows about this entity type, e.g. ChangeRequest.", HelpName = "type" };
        var entityId = new Option<string>("--entity-id") { Description = "Only rows about this entity id.", HelpName = "id" };
        var action = new Option<string>("--action") { Description = "Only rows of this action, e.g. Update or SignIn.", HelpName = "action" };
        var source = new Option<string>("--source") { Description = "Only rows from this source: ui, api or worker.", HelpName = "source" };
        var changeRequest = new Option<string>("--change-request") { Description = "Only rows of this change request (its items and the version it published).", HelpName = "CR-12" };
        var search = new Option<string>("--search") { Description = "Only rows whose values contain these words (the last one as a prefix).", HelpName = "text" };
        var command = new Command("export",
            "Exports the audit log (filtered) to an Excel workbook: a cover with the filters, counts, the chain's verification and head hash, then one row "
            + "per changed field. Prints audit rows, sheet rows, sheets, chain status, head hash and seconds. "
            + $"Exit code {ExitCodes.ChainBroken} when the chain is broken (the file is still written, BROKEN on its cover).")
        {
            from, to, output, actor, entity, entityId, action, source, changeRequest, search,
        };
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: false, async (host, parse) =>
        {
            var target = OutputPath(parse.GetRequiredValue(output));
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem(AuditCommand.Actor, null);
            var filter = new AuditLogFilter(
                AuditDates.From(parse.GetValue(from)), AuditDates.To(parse.GetValue(to)), parse.GetValue(actor), parse.GetValue(entity),
                parse.GetValue(entityId), parse.GetValue(action),
                await ChangeRequestAsync(host, parse.GetValue(changeRequest)), parse.GetValue(source), parse.GetValue(search));
            return await ExportAsync(scope.ServiceProvider.GetRequiredService<AuditExporter>(), filter, target, host.Stopping);
        }));
        return command;
    }

    private static async Task<int> ExportAsync(AuditExporter exporter, AuditLogFilter filter, string target, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        AuditExportResult result;
        try
        {
            await using (var file = new FileStream(temporary, OwnerOnly.NewFile(FileMode.Create)))
            {
                var progress = new Progress<AuditExportProgress>(p => Console.Error.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"{p.EntriesWritten:N0} of {p.EntriesTotal:N0} audit rows written")));
                result = await exporter.ExportAsync(filter, file, new AuditExportOptions($"system:{AuditCommand.Actor}"), progress, cancellationToken);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch (OperationCanceledException)
        {
            File.Delete(temporary);
            throw new CliException(ExitCodes.RunDidNotFinish, $"The export was interrupted; {target} was not written.");
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Exported {result.Entries:N0} audit rows as {result.Rows:N0} sheet rows on {result.Sheets} sheet(s) ({string.Join(", ", result.SheetNames)}) "
            + $"{(result.Streamed ? "streamed" : "styled")}, in {clock.Elapsed.TotalSeconds:0.0} s"));
        var code = AuditVerifyCommand.Print(result.Chain.IsIntact, result.Chain.RowsChecked, result.HeadSequence, result.HeadHash,
            result.Chain.FirstBrokenSequence, result.Chain.Problem);
        Console.WriteLine($"File: {target}");
        return code;
    }

    /// <summary>"CR-12", "12" or the request's id.</summary>
    private static async Task<Guid?> ChangeRequestAsync(CliHost host, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        if (!ChangeRequest.TryParseLabel(text, out var number))
        {
            throw new CliException(ExitCodes.Usage, $"--change-request: \"{text}\" is not a change request label (CR-12), number or id.");
        }
        return await host.QueryAsync(db => db.ChangeRequests.Where(r => r.Number == number).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(host.Stopping), host.Stopping)
            ?? throw new CliException(ExitCodes.Usage, $"--change-request: there is no change request {ChangeRequest.LabelOf(number)}.");
    }

    private static string OutputPath(string output)
    {
        var path = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(path)!;
        return Directory.Exists(folder) ? path : throw new CliException(ExitCodes.Usage, $"--out: the folder {folder} does not exist.");
    }
}
