using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>Reads the samples of one metric from a Prometheus text exposition.</summary>
public static partial class PrometheusText
{
    public static List<(Dictionary<string, string> Labels, double Value)> Samples(string exposition, string name)
    {
        var samples = new List<(Dictionary<string, string>, double)>();
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(name + "{", StringComparison.Ordinal) && !line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                continue;
            }
            var end = line.LastIndexOf('}');
            var labels = Label().Matches(end < 0 ? "" : line[..(end + 1)]).ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value));
            var value = line[(end < 0 ? name.Length : end + 1)..].Trim().Split(' ')[0];
            samples.Add((labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return samples;
    }

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
