using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// The digest as a plain-text email: one line per figure (this week, an arrow, the week before, better or worse), then
/// the places where it hurt most with a link to the dashboard filtered to the place (flow, object or system) and the week. Numbers in an invariant English
/// form: the email goes to several people and has no locale of its own.
/// </summary>
public static class WeeklyDigestText
{
    /// <summary>The dashboard page; its filters travel in the query string (from, to, flow, object, system).</summary>
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
        text.AppendLine().AppendLine("Where it hurt most this week (records rejected, failed or held for review, plus incidents opened; the change is against the week before):");
        if (content.Hotspots.Count == 0)
        {
            text.AppendLine("- Nowhere: no record was rejected, failed or held for review, and no incident was opened.");
        }
        foreach (var (h, i) in content.Hotspots.Select((h, i) => (h, i + 1)))
        {
            text.Append(En, $"{i}. {h.Name} ({Word(h.Place)}): {h.Hurt:N0} needing a hand ({Change(h.Change)} from {h.HurtBefore:N0} the week before)")
                .Append(En, $"; {h.Records:N0} record{(h.Records == 1 ? "" : "s")}{PerThousand(h)}, {h.Incidents:N0} incident{(h.Incidents == 1 ? "" : "s")}.").AppendLine()
                .Append("   ").AppendLine(Link(DashboardLink(week, h), baseUrl));
        }
        text.AppendLine().Append("The whole dashboard: ").AppendLine(Link(DashboardLink(week, null), baseUrl)).AppendLine()
            .AppendLine("You receive this weekly as a manager in CrmGovernance; switching off email under Profile > Notifications stops it.");
        return text.ToString();
    }

    public static string DashboardLink(DigestWeek week, DigestHotspot? place) =>
        string.Create(En, $"{DashboardPath}?from={week.Monday:yyyy-MM-dd}&to={week.Sunday:yyyy-MM-dd}")
        + (place is null ? "" : $"&{Word(place.Place)}={place.Id:D}");

    /// <summary>The place's kind in the email and as the dashboard's query key: flow, object, system.</summary>
    public static string Word(DigestPlace place) => place switch
    {
        DigestPlace.Flow => "flow",
        DigestPlace.BusinessObject => "object",
        _ => "system",
    };

    /// <summary>"+47", "-12", "no change".</summary>
    public static string Change(double change) => change switch
    {
        > 1e-9 => "+" + change.ToString("N0", En),
        < -1e-9 => change.ToString("N0", En),
        _ => "no change",
    };

    private static string PerThousand(DigestHotspot h) => h.PerThousand is { } p ? string.Create(En, $" ({p:N1} per 1,000 processed)") : "";

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
