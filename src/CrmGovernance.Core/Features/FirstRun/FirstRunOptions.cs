using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>Settings of the "Demo" section: demo accounts, configuration and systems for evaluation.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// Seeds one demo user per role, shows their sign-in details on the sign-in page, and publishes the demo configuration.
    /// Off unless configured: the Web project turns it on only in appsettings.Development.json (the README's run command),
    /// so a published portal never offers the demo accounts, Admin included, unless an operator asks for it.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// With <see cref="Enabled"/>: the demo systems are live. Their SQLite databases are created in data/demo when
    /// missing, a simulated website posts enquiries to the inbound endpoint and the shop and CRM change, so the flows run.
    /// </summary>
    public bool Live { get; set; } = true;

    /// <summary>
    /// With <see cref="Enabled"/>: at the first start the demo gets ten weeks of generated history (runs, record outcomes,
    /// queue items, duplicate scans, incidents) with a go-live six weeks ago, so the insights dashboard has something to
    /// show. Generated once, marked as demo history; the configuration then has two versions (before and at go-live).
    /// </summary>
    public bool History { get; set; } = true;

    /// <summary>Seconds between two enquiries of the simulated website.</summary>
    [Range(1, 3_600)]
    public int WebsiteEverySeconds { get; set; } = 8;

    /// <summary>Seconds between two rounds of changes in the shop and the CRM (new orders, refunds, lost deals).</summary>
    [Range(1, 3_600)]
    public int ShopEverySeconds { get; set; } = 20;

    /// <summary>
    /// With the live demo: real outages on a timetable, so a new user sees incidents open, escalate and recover. Every
    /// <see cref="OutageCycleMinutes"/>, starting <see cref="FirstOutageAfterSeconds"/> after the portal starts, the
    /// marketing system's database goes offline for <see cref="MarketingOfflineSeconds"/>; later in the same cycle the
    /// shop stops producing orders for <see cref="ShopPauseSeconds"/>.
    /// </summary>
    public bool Outages { get; set; } = true;

    [Range(0, 86_400)]
    public int FirstOutageAfterSeconds { get; set; } = 120;

    [Range(5, 1_440)]
    public int OutageCycleMinutes { get; set; } = 30;

    [Range(0, 86_400)]
    public int MarketingOfflineSeconds { get; set; } = 360;

    /// <summary>Seconds into each cycle at which the shop feed stops.</summary>
    [Range(0, 86_400)]
    public int ShopPauseAfterSeconds { get; set; } = 720;

    [Range(0, 86_400)]
    public int ShopPauseSeconds { get; set; } = 480;

    /// <summary>Whether the live demo runs.</summary>
    public bool IsLive => Enabled && Live;
}

/// <summary>Settings of the "Bootstrap" section: the first Admin when the demo is off.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>Email of the first Admin, created at start while no user exists.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Name of the environment variable that holds that Admin's password.</summary>
    public string AdminPasswordVariable { get; set; } = "CRMGOV_ADMIN_PASSWORD";
}
