using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// The digest as a plain-text email: one line per figure (this week, an arrow, the week before, better or worse), then
/// where it hurts most with a link to the dashboard filtered to the flow and the week. Numbers in an invariant English
/// form: the email goes to several people and has no locale of its own.
/// </summary>
public static class WeeklyDigestText
{
    /// <summary>The dashboard page; its filters travel in the query string (from, to, flow).</summary>
    public const string DashboardPath = "/insights";

    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static string Subject(DigestContent content) =>
        string.Create(En, $"Insights for the week {content.Week.Key}: {Summary(content)}");

    public static string Body(DigestContent content, string? baseUrl)
    {
        var week = content.Week;
        var text = new StringBuilder()
            .Append(En, $"Your integration's week {week.Key}, {week.Monday:d MMM} to {week.Sunday:d MMM yyyy} (UTC), against the week before.").AppendLine().AppendLine();
        if (!content.HasData)
        {
            text.AppendLine("No figures were recorded in these two weeks.").AppendLine();
        }
        foreach (var card in content.Figures)
        {
            text.Append(En, $"- {card.Title}: {Format(card.Value, card.Unit)} {Arrow(card)} from {Format(card.Baseline, card.Unit)}{Judgement(card)}").AppendLine();
        }
        text.AppendLine().AppendLine("Where it hurts most (records rejected, failed or held for review per 1,000 records processed, the largest rises):");
        if (content.Hotspots.Count == 0)
        {
            text.AppendLine("- No flow had more trouble than the week before.");
        }
        foreach (var (h, i) in content.Hotspots.Select((h, i) => (h, i + 1)))
        {
            text.Append(En, $"{i}. {h.Name}: {h.PerThousand:N1} per 1,000 (week before {(h.PerThousandBefore is { } b ? b.ToString("N1", En) : "none")}), ")
                .Append(En, $"{h.Trouble:N0} of {h.Processed:N0} records; sync success {Format(h.SuccessRate, MetricUnit.Share)}.").AppendLine()
                .Append("   ").AppendLine(Link(DashboardLink(week, h.FlowId), baseUrl));
        }
        text.AppendLine().Append("The whole dashboard: ").AppendLine(Link(DashboardLink(week, null), baseUrl)).AppendLine()
            .AppendLine("You receive this weekly as a manager in CrmGovernance; switching off email under Profile > Notifications stops it.");
        return text.ToString();
    }

    public static string DashboardLink(DigestWeek week, Guid? flowId) =>
        string.Create(En, $"{DashboardPath}?from={week.Monday:yyyy-MM-dd}&to={week.Sunday:yyyy-MM-dd}") + (flowId is { } f ? "&flow=" + f.ToString("D") : "");

    public static string Link(string path, string? baseUrl) => string.IsNullOrWhiteSpace(baseUrl) ? path : baseUrl.TrimEnd('/') + path;

    /// <summary>↑ or ↓ for the direction of the change, → when flat or unknown.</summary>
    public static string Arrow(InsightCard card) => card.Change switch
    {
        > 1e-9 => "↑",
        < -1e-9 => "↓",
        _ => "→",
    };

    public static string Format(double? value, MetricUnit unit) => value switch
    {
        null => "n/a",
        { } v => unit switch
        {
            MetricUnit.Share => (v * 100).ToString("N1", En) + "%",
            MetricUnit.Seconds => Duration(v),
            MetricUnit.PerThousand => v.ToString("N1", En) + " per 1,000",
            _ => v.ToString("N0", En),
        },
    };

    private static string Judgement(InsightCard card) => card.Improved switch
    {
        true => " (better)",
        false => " (worse)",
        _ => "",
    };

    private static string Summary(DigestContent content)
    {
        var better = content.Figures.Count(c => c.Improved == true);
        var worse = content.Figures.Count(c => c.Improved == false);
        return string.Create(En, $"{better} figure{(better == 1 ? "" : "s")} better, {worse} worse");
    }

    private static string Duration(double seconds) => seconds switch
    {
        < 90 => seconds.ToString("N0", En) + " s",
        < 90 * 60 => (seconds / 60).ToString("N1", En) + " min",
        < 48 * 3600 => (seconds / 3600).ToString("N1", En) + " h",
        _ => (seconds / 86400).ToString("N1", En) + " days",
    };
}
