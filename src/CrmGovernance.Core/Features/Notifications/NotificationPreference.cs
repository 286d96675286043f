using CrmGovernance.Core.Features.Incidents;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// How one person wants to hear. Without a row the <see cref="Defaults"/> apply: every severity in the portal, email for
/// Critical, High and Medium, no quiet hours, the daily digest on. In-app notifications cannot be switched off.
/// </summary>
public sealed class NotificationPreference
{
    public long Id { get; set; }
    public string UserEmail { get; set; } = "";
    /// <summary>Severities shown in the portal, comma separated ("Critical,High,Medium,Low").</summary>
    public string InAppSeverities { get; set; } = "Critical,High,Medium,Low";
    public bool EmailEnabled { get; set; } = true;
    /// <summary>Severities also sent by email.</summary>
    public string EmailSeverities { get; set; } = "Critical,High,Medium";
    public bool DigestEnabled { get; set; } = true;
    /// <summary>Quiet hours in the person's time zone, minutes after midnight; both null for none. Emails wait until they end, except Critical.</summary>
    public int? QuietStartMinutes { get; set; }
    public int? QuietEndMinutes { get; set; }
    /// <summary>An IANA or Windows time zone id ("Europe/Berlin") or a UTC offset ("+02:00"); "UTC" by default.</summary>
    public string TimeZone { get; set; } = "UTC";

    public static NotificationPreference Defaults(string email) => new() { UserEmail = email };

    public IReadOnlySet<IncidentSeverity> InApp => SeverityList.Parse(InAppSeverities);
    public IReadOnlySet<IncidentSeverity> Email => SeverityList.Parse(EmailSeverities);

    /// <summary>Whether an email of this severity goes out at all.</summary>
    public bool WantsEmail(IncidentSeverity severity) => EmailEnabled && Email.Contains(severity);
}
