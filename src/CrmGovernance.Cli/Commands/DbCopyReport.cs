using System.Globalization;
using CrmGovernance.Core.Data.Copy;

namespace CrmGovernance.Cli.Commands;

/// <summary>What <c>crmgov db copy</c> prints: refusals, progress (standard error), the copy's figures, counts and next steps.</summary>
internal static class DbCopyReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Refused(IReadOnlyList<TableRows> used)
    {
        Console.Error.WriteLine("Refused: the target already holds portal data, and nothing was changed:");
        Rows(Console.Error, used);
        Console.Error.WriteLine("To replace it with this installation's data, run again with --overwrite-target (its portal tables are emptied first).");
    }

    public static void Overwriting(IReadOnlyList<TableRows> used)
    {
        Console.WriteLine("--overwrite-target: these rows of the target are removed (every portal table is emptied, in the copy's transaction):");
        Rows(Console.Out, used);
    }

    public static void Copied(IReadOnlyList<TableCopied> copied)
    {
        var rows = copied.Sum(c => c.Rows);
        var seconds = copied.Sum(c => c.Elapsed.TotalSeconds);
        Console.WriteLine(string.Create(C, $"Copied {rows:N0} rows in {seconds:0.0} s ({(seconds > 0 ? rows / seconds : 0):N0} rows/s)."));
        Console.WriteLine(string.Create(C, $"copy_rows_per_second={(seconds > 0 ? rows / seconds : 0):0}"));
    }

    public static void Counts(IReadOnlyList<TableRows> counts)
    {
        var width = Math.Max(5, counts.Max(c => c.Table.Length));
        Console.WriteLine($"{"Table".PadRight(width)}  {"SQLite",12}  {"PostgreSQL",12}");
        foreach (var count in counts)
        {
            Console.WriteLine(string.Create(C, $"{count.Table.PadRight(width)}  {count.Source,12:N0}  {count.Target,12:N0}{(count.Equal ? "" : "  DIFFERS")}"));
        }
        var differ = counts.Count(c => !c.Equal);
        Console.WriteLine(differ == 0 ? $"Row counts: equal in all {counts.Count} tables." : $"Row counts: {differ} table(s) DIFFER.");
    }

    public static void NextSteps(string redacted)
    {
        Console.WriteLine();
        Console.WriteLine("The copy verifies. To run the installation on PostgreSQL, set for the portal, every worker and crmgov");
        Console.WriteLine("(environment variables, or the Database section of appsettings.json; put the real password in place of ********):");
        Console.WriteLine("  Database__Provider=Postgres");
        Console.WriteLine($"  Database__ConnectionString=\"{redacted}\"");
        Console.WriteLine("Keep Database:Path as it is: its folder still holds the generated keys (audit chain key), the witness's checkpoints and exports.");
        Console.WriteLine("The scheduler's store is not copied: on PostgreSQL, Quartz creates its tables at the first start and re-creates the");
        Console.WriteLine("stored triggers from the configuration (schedules of flows, verification, digests).");
    }

    private static void Rows(TextWriter writer, IReadOnlyList<TableRows> tables)
    {
        foreach (var table in tables)
        {
            writer.WriteLine(string.Create(C, $"  {table.Table}: {table.Target:N0} rows"));
        }
    }

    /// <summary>A line per table as it ends (standard output), and while a large one runs (standard error).</summary>
    public sealed class Progress : IProgress<TableCopied>
    {
        public void Report(TableCopied value)
        {
            if (value.Done)
            {
                Console.WriteLine(string.Create(C, $"  {value.Table,-36} {value.Rows,12:N0} rows  {value.Elapsed.TotalSeconds,6:0.0} s  {value.RowsPerSecond,10:N0} rows/s"));
            }
            else if (value.Rows > 0)
            {
                Console.Error.WriteLine(string.Create(C, $"  {value.Table}: {value.Rows:N0} of {value.Total:N0} rows ({value.RowsPerSecond:N0} rows/s)"));
            }
        }
    }
}
