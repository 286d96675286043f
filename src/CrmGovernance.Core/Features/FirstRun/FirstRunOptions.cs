namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>Settings of the "Demo" section: demo accounts for evaluation.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds one demo user per role and shows their sign-in details on the sign-in page.</summary>
    public bool Enabled { get; set; }
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
