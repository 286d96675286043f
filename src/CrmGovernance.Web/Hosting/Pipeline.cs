using CrmGovernance.Core.Hosting;
using CrmGovernance.Web.Components.Account;
using CrmGovernance.Web.Components;
using CrmGovernance.Web.Features.Audit;
using CrmGovernance.Web.Features.Incidents.Api;
using CrmGovernance.Web.Features.Insights;
using CrmGovernance.Web.Features.Insights.Api;
using CrmGovernance.Web.Features.Quality;
using CrmGovernance.Web.Features.Sync;
using CrmGovernance.Web.Features.Users.Api;
using CrmGovernance.Web.Hosting.Telemetry;
using CrmGovernance.Web.Security;
using Serilog;

namespace CrmGovernance.Web.Hosting;

internal static class Pipeline
{
    public static WebApplication UseCrmPipeline(this WebApplication app, NodeOptions node)
    {
        // First: HSTS, Secure cookies and the hub's origin check need the client's scheme as the proxy saw it.
        app.UseCrmForwardedHeaders();
        app.UseHttpsRequirement(app.Environment);
        if (!node.ServesPortal)
        {
            // A worker-only node (Node:Role = Worker) answers its probes and its metrics' scrape (where runs happen, their
            // figures are) and nothing else: no pages, no API, no sign-in.
            app.UseSerilogRequestLogging();
            app.MapCrmHealth();
            app.MapCrmMetrics();
            return app;
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseHubOriginCheck();
        app.UseSerilogRequestLogging();
        app.UsePortalCulture();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseActorContext();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapCrmHealth();
        app.MapCrmMetrics();
        app.MapInboundEndpoint();
        app.MapIncidentApi();
        app.MapInsightsApi();
        app.MapReadApiReference();
        app.MapAuditExportDownload();
        app.MapInsightsExport();
        app.MapFieldRationalisationExport();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
