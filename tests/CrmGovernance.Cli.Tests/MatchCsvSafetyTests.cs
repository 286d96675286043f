using System.Text;

namespace CrmGovernance.Cli.Tests;

/// <summary>
/// <c>crmgov match</c> writes a CSV people open in a spreadsheet: an id that a spreadsheet would run as a formula
/// (OWASP ASVS 5.0 1.2.10) is written with a leading apostrophe, so it shows as text and runs nothing.
/// </summary>
public sealed class MatchCsvSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmgov-match-").FullName;

    [Fact]
    public async Task Ids_that_look_like_formulas_are_written_as_apostrophe_prefixed_text()
    {
        var input = Path.Combine(_folder, "hostile.csv");
        var output = Path.Combine(_folder, "clusters.csv");
        await File.WriteAllTextAsync(input, string.Join("\n",
            "id,name,email",
            "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Ann,ann@example.org",
            "+1,Bob,bob@example.org",
            "-2,Carla,carla@example.org",
            "@SUM(A1),Dan,dan@example.org",
            "\"\ttab\",Eve,eve@example.org",
            "\"\nline\",Fay,fay@example.org",
            "\"\rreturn\",Gus,gus@example.org",
            "a-1,Hal,hal@example.org",
            ""), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var run = await MatchCliRun.RunAsync("--object", "contact", "--input", input, "--id-column", "id",
            "--map", "first_name=name,email=email", "--output", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = string.Join("\n",
            "id,cluster_id",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1",
            "'+1,2",
            "'-2,3",
            "'@SUM(A1),4",
            "'\ttab,5",
            "\"'\nline\",6",
            "\"'\rreturn\",7",
            "a-1,8",
            "");
        Assert.Equal(expected, await File.ReadAllTextAsync(output));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
