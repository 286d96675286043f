using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Cli.Tests;

/// <summary><c>crmgov match</c> refuses what it cannot use with a message that says what to write instead, and exit code 2.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private const int UsageError = 2;
    private readonly string _folder = Directory.CreateTempSubdirectory("crmgov-match-").FullName;

    private string Input => Path.Combine(_folder, "people.csv");
    private string Output => Path.Combine(_folder, "clusters.csv");

    [Fact]
    public async Task Unknown_field_is_refused_with_every_field_that_can_be_mapped()
    {
        await WriteInputAsync("id,given,mail\n1,Ann,ann@example.org\n");

        var run = await MatchAsync("--map", "first_name=given,shoe_size=mail");

        AssertRefused(run, "\"shoe_size\"");
        Assert.All(MatchAttributes.All, field => Assert.Contains(field, run.Error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--map", "first_name=given,email=e_mail", "\"e_mail\"")]
    [InlineData("--id-column", "key", "\"key\"")]
    public async Task Column_the_csv_lacks_is_named_with_the_columns_it_has(string option, string value, string named)
    {
        await WriteInputAsync("id , given ,mail\n1,Ann,ann@example.org\n");
        string[] args = option == "--map" ? ["--map", value] : ["--map", "first_name=given", option, value];

        var run = await MatchAsync(args);

        AssertRefused(run, named);
        Assert.Contains("Its columns: \"id\", \"given\", \"mail\".", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_that_is_not_a_country_code_is_refused_with_the_right_one()
    {
        var run = await MatchCliRun.RunAsync("--object", "company", "--input", "missing.csv", "--id-column", "id", "--map", "company=name",
            "--output", "out.csv", "--region", "UK");

        Assert.Equal(UsageError, run.ExitCode);
        Assert.Contains("The United Kingdom is GB.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_entry_without_a_column_is_refused()
    {
        await WriteInputAsync("id,given\n1,Ann\n");

        var run = await MatchAsync("--map", "first_name");

        AssertRefused(run, "\"first_name\" is not field=column");
    }

    [Fact]
    public async Task Repeated_id_is_refused_naming_the_id_and_its_lines()
    {
        await WriteInputAsync("id,given\nA-7,Ann\nB-1,Bob\nA-7,Anna\n");

        var run = await MatchAsync("--map", "first_name=given");

        AssertRefused(run, "Id \"A-7\" appears twice (lines 2 and 4)");
    }

    [Fact]
    public async Task Unknown_object_is_refused_listing_contact_and_company()
    {
        await WriteInputAsync("id,given\n1,Ann\n");

        var run = await MatchAsync("--map", "first_name=given", "--object", "person");

        AssertRefused(run, "\"person\"");
        Assert.Contains("contact, company", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_input_file_is_refused_naming_it()
    {
        var run = await MatchAsync("--map", "first_name=given");

        AssertRefused(run, Input);
    }

    [Fact]
    public async Task Unclosed_quote_is_refused_with_its_line()
    {
        await WriteInputAsync("id,given\n1,Ann\n2,\"Bob\n3,Carla\n");

        var run = await MatchAsync("--map", "first_name=given");

        AssertRefused(run, "Line 3: a quoted value is not closed");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task WriteInputAsync(string text) => File.WriteAllTextAsync(Input, text);

    /// <summary>Runs with the options given, and a contact object, this input, "id" ids and this output unless they say otherwise.</summary>
    private Task<MatchCliRun> MatchAsync(params string[] args)
    {
        var all = new List<string>(args);
        foreach (var (option, value) in new[] { ("--object", "contact"), ("--input", Input), ("--id-column", "id"), ("--output", Output) })
        {
            if (!all.Contains(option))
            {
                all.AddRange([option, value]);
            }
        }
        return MatchCliRun.RunAsync([.. all]);
    }

    private void AssertRefused(MatchCliRun run, string message)
    {
        Assert.True(run.ExitCode == UsageError, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.False(File.Exists(Output), "no clusters file is written when the command is refused");
    }
}
