using MudBlazor;

namespace CrmGovernance.Web.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f5f8b", Secondary = "#2e8b57", AppbarBackground = "#1f5f8b" },
        PaletteDark = new PaletteDark { Primary = "#6fb3e0", Secondary = "#5fc48a", AppbarBackground = "#1b2430" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] } },
    };
}
