using CrmGovernance.Core.Features.Configuration.Catalog;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// A labelled record-linkage file from shared/datasets (read in place, never copied into the repository): its records
/// as match attributes and the true entity of each record.
/// </summary>
internal sealed record LabelledDataset(string Name, IReadOnlyList<MatchRecord> Records, IReadOnlyDictionary<string, string> Truth)
{
    /// <summary>fake_1000.csv (Splink): truth in "cluster"; nicknames, swapped names, email typos, missing values.</summary>
    public static LabelledDataset Fake1000 => Cache.Fake;

    /// <summary>febrl3.csv (Febrl): truth is the N of "rec-N-org" / "rec-N-dup-K"; values padded with spaces.</summary>
    public static LabelledDataset Febrl3 => Cache.Febrl;

    /// <summary>patstat_companies.csv (KU Leuven's labels of PATSTAT applicant names): truth in "leuven_id"; names only.</summary>
    public static LabelledDataset Patstat => Cache.Patstat;

    /// <summary>$CRMGOV_DATASETS, else the first shared/datasets above the test binaries, else /work/shared/datasets.</summary>
    public static string Folder()
    {
        if (Environment.GetEnvironmentVariable("CRMGOV_DATASETS") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return "/work/shared/datasets";
    }

    /// <summary>Every raw value of the file (all columns but the id and the truth), for normaliser properties.</summary>
    public IEnumerable<string> RawValues() => Records.SelectMany(r => r.Values.Values).OfType<string>();

    private static LabelledDataset Load(string file, string idColumn, Func<IReadOnlyDictionary<string, string>, string> truth,
        IReadOnlyDictionary<string, string> columnByAttribute)
    {
        var path = Path.Combine(Folder(), file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The labelled data set {file} is not at {path}. Set CRMGOV_DATASETS to the folder holding fake_1000.csv and febrl3.csv "
                + "(shared/datasets beside the repository).", path);
        }
        var rows = CsvReader.Read(File.ReadAllText(path));
        var header = rows[0].Select(h => h.Trim()).ToList();
        var records = new List<MatchRecord>();
        var truths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Count >= header.Count))
        {
            // Febrl pads every value with a space; an empty cell is a missing value.
            var cells = header.Select((name, i) => (name, value: row[i].Trim())).ToDictionary(c => c.name, c => c.value, StringComparer.Ordinal);
            var values = columnByAttribute.ToDictionary(m => m.Key, m => cells[m.Value].Length == 0 ? null : (string?)cells[m.Value], StringComparer.Ordinal);
            var id = cells[idColumn];
            records.Add(new MatchRecord(id, values));
            truths[id] = truth(cells);
        }
        return new LabelledDataset(file, records, truths);
    }

    private static class Cache
    {
        public static readonly LabelledDataset Patstat = Load("patstat_companies.csv", "person_id", c => c["leuven_id"], new Dictionary<string, string>
        {
            [MatchAttributes.Company] = "person_name",
        });

        public static readonly LabelledDataset Fake = Load("fake_1000.csv", "unique_id", c => c["cluster"], new Dictionary<string, string>
        {
            [MatchAttributes.FirstName] = "first_name", [MatchAttributes.LastName] = "surname", [MatchAttributes.Dob] = "dob",
            [MatchAttributes.City] = "city", [MatchAttributes.Email] = "email",
        });

        public static readonly LabelledDataset Febrl = Load("febrl3.csv", "rec_id", c => c["rec_id"].Split('-')[1], new Dictionary<string, string>
        {
            [MatchAttributes.FirstName] = "given_name", [MatchAttributes.LastName] = "surname", [MatchAttributes.StreetNumber] = "street_number",
            [MatchAttributes.Street] = "address_1", [MatchAttributes.Address2] = "address_2", [MatchAttributes.City] = "suburb",
            [MatchAttributes.Postcode] = "postcode", [MatchAttributes.State] = "state", [MatchAttributes.Dob] = "date_of_birth",
            [MatchAttributes.NationalId] = "soc_sec_id",
        });
    }
}
