using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// The output of <c>crmgov match</c>: <c>id,cluster_id</c> for every input record, in input order (UTF-8, LF line ends).
/// Cluster ids are numbers from 1 in the order the clusters first appear in the input; records joined by auto-matches
/// share one, and a record joined to none gets a number of its own. Ids are written formula-safe (see <see cref="Escape"/>).
/// </summary>
internal static class MatchClusterFile
{
    /// <summary>Writes the file and returns the number of clusters, singletons included.</summary>
    public static int Write(string path, IReadOnlyList<MatchRecord> records, IReadOnlyList<IReadOnlyList<string>> clusters)
    {
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var id in clusters[c])
            {
                clusterOf[id] = c;
            }
        }
        var numberOf = new int[clusters.Count];
        var next = 0;
        // Written beside the target, then moved over it: an interrupted or failed write leaves no half file behind.
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write("id,cluster_id\n");
                foreach (var record in records)
                {
                    int number;
                    if (clusterOf.TryGetValue(record.Id, out var c))
                    {
                        number = numberOf[c] = numberOf[c] == 0 ? ++next : numberOf[c];
                    }
                    else
                    {
                        number = ++next;
                    }
                    writer.Write(Escape(record.Id));
                    writer.Write(',');
                    writer.Write(number.ToString(CultureInfo.InvariantCulture));
                    writer.Write('\n');
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return next;
    }

    /// <summary>
    /// The value as a CSV cell: an id a spreadsheet could take for a formula (=, +, -, @, a leading tab or line break)
    /// gets a leading apostrophe so opening the file runs nothing; quoted (quotes doubled) when it holds a comma, quote
    /// or line break, or starts or ends with a space that a reader trimming unquoted values would drop.
    /// </summary>
    public static string Escape(string value)
    {
        var field = SpreadsheetText.CsvField(value);
        // CsvField quotes every field holding a quote, so an unquoted field has none to double.
        var quoted = field.Length > 0 && field[0] == '"';
        return !quoted && field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])) ? "\"" + field + "\"" : field;
    }
}
