using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// <c>crmgov match --object contact --input people.csv --id-column id --map first_name=given,... --output clusters.csv</c>:
/// the default match rule of an object run over any CSV, to evaluate matching on one's own data. It needs no database
/// and no settings.
/// </summary>
internal static class MatchCommand
{
    /// <summary>The objects with a default match rule (<see cref="DefaultMatchRules.For"/>).</summary>
    private static readonly string[] Objects = ["contact", "company"];

    public static Command Create()
    {
        var objectKey = new Option<string>("--object") { Description = "Whose default match rule to use.", HelpName = "contact|company", Required = true };
        objectKey.Validators.Add(result =>
        {
            if (ObjectKey(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError($"--object: unknown object \"{result.GetValueOrDefault<string>()}\". Objects with a default match rule: {string.Join(", ", Objects)}.");
            }
        });
        var input = new Option<string>("--input")
        {
            Description = "The CSV file: a header row, comma-separated, UTF-8; quoted values may hold commas, quotes and line breaks.",
            HelpName = "file.csv", Required = true,
        };
        var idColumn = new Option<string>("--id-column") { Description = "The column with each row's id (unique, not empty).", HelpName = "column", Required = true };
        var map = new Option<string[]>("--map")
        {
            Description = $"Which column feeds which field, comma-separated (the option may be repeated). Fields: {string.Join(", ", MatchAttributes.All)}. "
                + "Unmapped fields are simply not compared.",
            HelpName = "field=column,...", Required = true,
        };
        var output = new Option<string>("--output")
        {
            Description = "Where to write id,cluster_id for every input row, in input order (replaced if it exists). Cluster ids are numbers from 1 "
                + "in order of first appearance; a row matched to no other gets a number of its own.",
            HelpName = "clusters.csv", Required = true,
        };
        var region = new Option<string>("--region")
        {
            Description = "The country (ISO 3166, e.g. GB) phone numbers without a country code and one-line addresses are read in. Default: US.",
            HelpName = "code",
        };
        region.Validators.Add(result =>
        {
            if (PhoneRegions.Problem(result.GetValueOrDefault<string>(), "--region") is { } problem)
            {
                result.AddError(problem);
            }
        });
        var command = new Command("match",
            "Finds duplicates in a CSV file with the default match rule of contact or company, writes the clusters and prints the records read, "
            + "candidate pairs compared, clusters, duplicate records and time taken. Needs no database or settings. "
            + "A wrong option, field, column, missing file or repeated id ends with exit code 2.")
        {
            objectKey, input, idColumn, map, output, region,
        };
        command.SetAction(parse => Run(ObjectKey(parse.GetRequiredValue(objectKey))!, parse.GetRequiredValue(input),
            parse.GetRequiredValue(idColumn).Trim(), parse.GetRequiredValue(map), parse.GetRequiredValue(output),
            parse.GetValue(region) is { Length: > 0 } code ? code.Trim().ToUpperInvariant() : MatchModel.DefaultPhoneRegion));
        return command;
    }

    private static int Run(string objectKey, string input, string idColumn, string[] map, string output, string region)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var fields = MatchFieldMap.Parse(map);
            if (!File.Exists(input))
            {
                throw new CliException(ExitCodes.Usage, $"--input: no such file: {Path.GetFullPath(input)}");
            }
            var outputPath = OutputPath(output, input);
            Console.Error.WriteLine($"Reading {input}...");
            var records = MatchInput.Read(input, idColumn, fields);
            // Fresh ids: the rule belongs to no stored configuration; they only satisfy the rule's shape.
            var model = MatchModel.Compile(DefaultMatchRules.For(objectKey, Guid.NewGuid(), Guid.NewGuid())!, region);
            var progress = new MatchProgress();
            var result = DuplicateFinder.Find(model, records, progress, CancellationToken.None);
            progress.Done();
            var clusters = MatchClusterFile.Write(outputPath, records, result.Clusters);
            var review = result.Pairs.Count(p => p.Decision == MatchDecision.Review);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{records.Count} records, {result.CandidatePairs} candidate pairs compared, {clusters} clusters ({result.Clusters.Count} of two or more records), "
                + $"{result.DuplicateRecords} duplicate records, {clock.Elapsed.TotalSeconds:0.0} s"));
            Console.WriteLine($"{review} pair(s) scored between the review and auto-match thresholds were left apart. Clusters written to {outputPath}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Phone numbers and addresses read in {region}; term-frequency table: {result.TermFrequencyWords} distinct words of company names."));
            return ExitCodes.Succeeded;
        }
        catch (CliException e)
        {
            return CommandAction.Fail(e.ExitCode, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandAction.Fail(ExitCodes.ConfigurationOrDatabase, e.Message);
        }
#pragma warning disable CA1031 // The last resort of a command line: a message and a documented exit code, not a crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return CommandAction.Fail(ExitCodes.ConfigurationOrDatabase, "Unexpected error: " + e);
        }
    }

    /// <summary>The output's full path, checked before the work starts: its folder exists, and it is not the input.</summary>
    private static string OutputPath(string output, string input)
    {
        var path = Path.GetFullPath(output);
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.Usage, $"--output: the folder {folder} does not exist.");
        }
        if (string.Equals(path, Path.GetFullPath(input), StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.Usage, "--output names the input file; write the clusters elsewhere.");
        }
        return path;
    }

    private static string? ObjectKey(string? value) => Objects.FirstOrDefault(o => string.Equals(o, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
