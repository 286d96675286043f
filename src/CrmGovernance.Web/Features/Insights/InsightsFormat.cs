using System.Globalization;
using CrmGovernance.Core.Features.Insights.Dashboard;
using MudBlazor;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// How the insights pages write figures for people: thousands separators and units in the user's locale, shares as
/// percentages, durations in the largest unit that reads well ("4 min 10 s", "2.3 h", "1.5 d").
/// </summary>
public static class InsightsFormat
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Value(MetricUnit unit, double? value) => value is not { } v ? "–" : unit switch
    {
        MetricUnit.Share => v.ToString("P1", Culture),
        MetricUnit.Seconds => Duration(v),
        MetricUnit.PerThousand => PerThousand(v),
        _ => Count(v),
    };

    /// <summary>The change against the baseline with its sign; shares change in percentage points.</summary>
    public static string Change(MetricUnit unit, double? change)
    {
        if (change is not { } c)
        {
            return "no baseline to compare";
        }
        if (Math.Abs(c) < 1e-9)
        {
            return "no change";
        }
        var sign = c > 0 ? "+" : "−";
        var size = Math.Abs(c);
        return sign + unit switch
        {
            MetricUnit.Share => (size * 100).ToString("N1", Culture) + " pts",
            MetricUnit.Seconds => Duration(size),
            MetricUnit.PerThousand => PerThousand(size),
            _ => Count(size),
        };
    }

    /// <summary>Whole numbers with separators; a fraction only for small scaled figures (a baseline of 2.5 a period).</summary>
    public static string Count(double value) =>
        value.ToString(Math.Abs(value) < 10 && Math.Abs(value - Math.Round(value)) > 0.05 ? "N1" : "N0", Culture);

    public static string PerThousand(double value) =>
        string.Create(Culture, $"{value:N1} per {1000:N0} records");

    public static string Duration(double seconds) => seconds switch
    {
        < 10 => seconds.ToString("0.#", Culture) + " s",
        < 60 => Math.Round(seconds).ToString("N0", Culture) + " s",
        < 3600 => string.Create(Culture, $"{(int)Math.Round(seconds) / 60} min {(int)Math.Round(seconds) % 60} s"),
        < 2 * 86400 => (seconds / 3600).ToString("N1", Culture) + " h",
        _ => (seconds / 86400).ToString("N1", Culture) + " d",
    };

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", Culture);

    public static string Period(DateOnly from, DateOnly to) => from == to ? Day(from) : Day(from) + " – " + Day(to);

    /// <summary>Green when the change goes the good way, red the bad way, grey when flat or unknown.</summary>
    public static Color ColorOf(bool? improved) => improved switch
    {
        true => Color.Success,
        false => Color.Error,
        null => Color.Default,
    };

    public static string ArrowOf(double? change) => change switch
    {
        > 1e-9 => Icons.Material.Filled.ArrowUpward,
        < -1e-9 => Icons.Material.Filled.ArrowDownward,
        _ => Icons.Material.Filled.ArrowForward,
    };

    /// <summary>Whether a change of this sign is good for a figure: the effect column of the before/after table.</summary>
    public static bool? Judge(double? change, bool higherIsBetter) =>
        change is { } c && Math.Abs(c) > 1e-9 ? (c > 0) == higherIsBetter : null;
}
