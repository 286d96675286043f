using CrmGovernance.Web.Components.Shared;
using CrmGovernance.Web.Features.ChangeControl;
using CrmGovernance.Web.Features.Configuration;
using CrmGovernance.Web.Features.Incidents;
using CrmGovernance.Web.Features.Insights;
using CrmGovernance.Web.Features.Quality;
using CrmGovernance.Web.Features.Scenarios;
using CrmGovernance.Web.Features.Sync;
using CrmGovernance.Web.Features.Systems;
using MudBlazor;
using MudBlazor.Services;

namespace CrmGovernance.Web.Hosting;

internal static class UiSetup
{
    public static IServiceCollection AddCrmUi(this IServiceCollection services)
    {
        // Pasted YAML, CSV or sample records travel over the circuit: allow them up to 4 MB (the default is 32 KB).
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 4 * 1024 * 1024);
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        // Later features' parts on earlier features' pages: the page offers a slot or a column and never names the feature
        // (docs/architecture.md, "Web").
        services.AddPageSlot<ChangeRequestDryRuns>(ChangeRequestSlots.Review);
        services.AddPageSlot<ChangeRequestDataAssessments>(ChangeRequestSlots.Context);
        services.AddPageSlot<FlowDataAssessments>(FlowSlots.Summary);
        services.AddPageSlot<AssessSystemLink>(SystemsSlots.Row);
        services.AddPageSlot<QualityDashboardCard>(InsightsSlots.Dashboard);
        services.AddPageSlot<FlowScenarios>(FlowSlots.Sections);
        services.AddPageSlot<ChangeRequestTrialPanel>(ChangeRequestSlots.Context);
        services.AddPageSlot<CaptureScenarioButton>(RunSlots.Record);
        services.AddPageSlot<CaptureScenarioButton>(ErrorQueueSlots.Item);
        services.AddFlowListColumn<FlowHealthColumn>();
        return services;
    }
}
