using MudBlazor;
using MudBlazor.Services;

namespace CrmGovernance.Web.Hosting;

internal static class UiSetup
{
    public static IServiceCollection AddCrmUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        return services;
    }
}
