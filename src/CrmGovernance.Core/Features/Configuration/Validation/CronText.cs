using System.Globalization;
using System.Text.RegularExpressions;
using Quartz;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>Checks a Quartz cron (seconds first) and says in words when it fires, e.g. "every 15 minutes".</summary>
public static partial class CronText
{
    public static bool IsValid(string? cron) => !string.IsNullOrWhiteSpace(cron) && CronExpression.TryParse(cron, out _);

    public static string Describe(string? cron)
    {
        if (!IsValid(cron))
        {
            return "an invalid schedule";
        }
        var p = cron!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var everyDay = p.Length >= 6 && p[3] == "*" && p[4] == "*" && p[5] is "?" or "*";
        if (everyDay && p[0] == "0" && Every(p[1]) is { } minutes && p[2] == "*")
        {
            return minutes == 1 ? "every minute" : $"every {minutes} minutes";
        }
        if (everyDay && p[0] == "0" && p[1] == "0" && Every(p[2]) is { } hours)
        {
            return hours == 1 ? "every hour" : $"every {hours} hours";
        }
        if (everyDay && Every(p[0]) is { } seconds && p[1] == "*" && p[2] == "*")
        {
            return seconds == 1 ? "every second" : $"every {seconds} seconds";
        }
        if (everyDay && p[0] == "0" && Number().IsMatch(p[1]) && Number().IsMatch(p[2]))
        {
            return string.Create(CultureInfo.InvariantCulture, $"every day at {int.Parse(p[2], CultureInfo.InvariantCulture):00}:{int.Parse(p[1], CultureInfo.InvariantCulture):00} UTC");
        }
        var next = CronExpression.Parse(cron).GetNextValidTimeAfter(DateTimeOffset.UtcNow);
        return next is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"on the schedule {cron} (next {n.UtcDateTime:yyyy-MM-dd HH:mm} UTC)")
            : $"on the schedule {cron}, which never fires again";
    }

    private static int? Every(string part) =>
        part == "*" ? 1
        : StepPattern().Match(part) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
        : null;

    [GeneratedRegex(@"^(?:\*|0)/(\d+)$")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();
}
