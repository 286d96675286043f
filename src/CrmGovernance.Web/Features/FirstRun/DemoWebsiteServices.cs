using CrmGovernance.Core.Features.FirstRun.Demo;

namespace CrmGovernance.Web.Features.FirstRun;

internal static class DemoWebsiteServices
{
    /// <summary>
    /// The live demo's moving parts, in the portal only: the shop and CRM changes, and the website (its key and posts, used
    /// by /demo/form too, and its feeder). All idle unless Demo:Enabled and Demo:Live.
    /// </summary>
    public static IServiceCollection AddCrmDemo(this IServiceCollection services)
    {
        services.AddDemoActivity();
        services.AddSingleton<DemoWebsite>();
        services.AddHostedService<DemoWebsiteFeeder>();
        return services;
    }
}
