using System.Text;

namespace CrmGovernance.Cli.Tests;

/// <summary><c>crmgov match</c> end to end: a labelled data set clustered well, and hostile CSV ids written back exactly.</summary>
public sealed class MatchEvaluationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmgov-match-").FullName;

    private string Output => Path.Combine(_folder, "clusters.csv");

    [Fact]
    public async Task Febrl3_gives_one_row_per_input_row_and_keeps_each_person_in_one_cluster()
    {
        var input = MatchDatasets.File("febrl3.csv");

        var run = await MatchCliRun.RunAsync("--object", "contact", "--input", input, "--id-column", "rec_id",
            "--map", "first_name=given_name,last_name=surname,street_number=street_number,street=address_1,address2=address_2,"
            + "city=suburb,postcode=postcode,state=state,dob=date_of_birth,national_id=soc_sec_id",
            "--output", Output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var inputIds = (await File.ReadAllLinesAsync(input)).Skip(1).Select(line => line.Split(',')[0].Trim()).ToList();
        var rows = (await File.ReadAllLinesAsync(Output)).ToList();
        Assert.Equal("id,cluster_id", rows[0]);
        var clusters = rows.Skip(1).Select(row => row.Split(',')).Select(cells => (Id: cells[0], Cluster: cells[1])).ToList();
        Assert.Equal(inputIds, clusters.Select(c => c.Id));
        // The truth: rec-N-org and rec-N-dup-K are one person.
        var f1 = PairwiseF1(clusters.Select(c => (Truth: c.Id.Split('-')[1], c.Cluster)).ToList());
        Assert.True(f1 >= 0.97, $"pairwise F1 {f1:0.0000} on febrl3.csv\n{run}");
        Assert.StartsWith("5000 records, ", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"candidate pairs compared, \d+ clusters .*, \d+ duplicate records, \d+\.\d s", run.Output);
    }

    [Fact]
    public async Task Patstat_company_names_cluster_well_in_the_region_given_and_the_term_frequency_table_is_printed()
    {
        var input = MatchDatasets.File("patstat_companies.csv");

        var run = await MatchCliRun.RunAsync("--object", "company", "--input", input, "--id-column", "person_id",
            "--map", "company=person_name", "--region", "nl", "--output", Output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var truth = (await File.ReadAllLinesAsync(input)).Skip(1).Select(line => line.Split(',')).ToDictionary(cells => cells[0], cells => cells[1]);
        var clusters = (await File.ReadAllLinesAsync(Output)).Skip(1).Select(row => row.Split(',')).Select(cells => (Truth: truth[cells[0]], Cluster: cells[1])).ToList();
        var f1 = PairwiseF1(clusters);
        Assert.True(f1 >= 0.85, $"pairwise F1 {f1:0.0000} on patstat_companies.csv\n{run}");
        Assert.Matches(@"read in NL; term-frequency table: \d{3,} distinct words of company names", run.Output);
    }

    [Fact]
    public async Task Hostile_csv_ids_come_back_exactly_and_duplicates_share_a_cluster()
    {
        var input = Path.Combine(_folder, "hostile.csv");
        // A byte order mark, CRLF line ends, padded and quoted header names, commas, doubled and stray quotes, a line
        // break inside an id, non-Latin text, empty values, a short row and a blank row. The two Annas share an email.
        var text = string.Join("\r\n",
            "\"id\" , name,email ,  \"city\"",
            "\"a,1\",\"Zoë \"\"Zed\"\" Ångström\",zoe@example.com,Malmö",
            " spaced ,  Bob  ,,",
            "\"  padded  \",Carla,carla@example.org,",
            "\"multi\r\nline\",Dmitri,,Kyiv",
            "丁-東京,\"李, 小龍\",li@example.cn,東京",
            "\"say \"\"hi\"\"\",Anna,anna.k@example.com,",
            "O\"Brien,Anna,anna.k@example.com,",
            ",,,",
            "plain,\"\"",
            "");
        await File.WriteAllTextAsync(input, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = await MatchCliRun.RunAsync("--object", "contact", "--input", input, "--id-column", "id",
            "--map", "first_name=name,email=email", "--map", "city=city", "--output", Output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = string.Join("\n",
            "id,cluster_id",
            "\"a,1\",1",
            "spaced,2",
            "\"  padded  \",3",
            "\"multi\r\nline\",4",
            "丁-東京,5",
            "\"say \"\"hi\"\"\",6",
            "\"O\"\"Brien\",6",
            "plain,7",
            "");
        Assert.Equal(expected, await File.ReadAllTextAsync(Output));
        Assert.StartsWith("8 records, ", run.Output, StringComparison.Ordinal);
        Assert.Contains(" 7 clusters (1 of two or more records), 1 duplicate records, ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("records", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Pairs placed in one cluster are predicted matches; pairs with the same truth are true matches.</summary>
    private static double PairwiseF1(IReadOnlyList<(string Truth, string Cluster)> rows)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var predicted = rows.GroupBy(r => r.Cluster).Sum(g => Pairs(g.Count()));
        var actual = rows.GroupBy(r => r.Truth).Sum(g => Pairs(g.Count()));
        var correct = rows.GroupBy(r => (r.Cluster, r.Truth)).Sum(g => Pairs(g.Count()));
        double precision = predicted == 0 ? 1 : (double)correct / predicted, recall = actual == 0 ? 1 : (double)correct / actual;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
