namespace CrmGovernance.Web.Components.Layout;

/// <summary>The light/dark choice, remembered in a cookie so the first render already has the right theme.</summary>
public sealed record ThemePreference(bool DarkMode)
{
    public const string CookieName = "crmgov-theme";
    public const string Dark = "dark";
    public const string Light = "light";
}
