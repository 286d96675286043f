namespace CrmGovernance.Core.Features.Notifications;

/// <summary>Settings "Notifications:Email".</summary>
public sealed class EmailOptions
{
    public EmailMode Mode { get; set; } = EmailMode.Pickup;
    /// <summary>Relative to the data folder, and confined to it; default "mail-pickup".</summary>
    public string PickupFolder { get; set; } = "mail-pickup";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "CrmGovernance <crm-governance@localhost>";

    public IReadOnlyList<string> Problems() => Mode == EmailMode.Smtp && string.IsNullOrWhiteSpace(Host)
        ? ["Notifications:Email:Host is required when Mode is Smtp."]
        : [];
}
