using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using CrmGovernance.Web.Features.FirstRun;
using CrmGovernance.Web.Features.Sync;
using CrmGovernance.Web.Features.Users.Api;
using CrmGovernance.Web.Hosting;
using CrmGovernance.Web.Hosting.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrmLogging();
builder.Services.AddCrmCore(builder.Configuration, builder.Environment.ContentRootPath, HostRole.Portal);
builder.Services.AddCrmIdentity(builder.Configuration);
builder.Services.AddCrmWebSecurity(builder.Configuration, builder.Environment);
builder.Services.AddCrmUi();
builder.Services.AddCrmTelemetry(builder.Configuration);
builder.Services.AddInboundEndpoint(builder.Configuration);
builder.Services.AddReadApi(builder.Configuration);
// Node:Role: everything (All), the UI only (Portal) or the background work only (Worker); docs/operations.md.
var node = builder.Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
if (node.ServesPortal)
{
    builder.Services.AddCrmDemo();
}

var app = builder.Build();
app.UseCrmPipeline(node);
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("CrmGovernance is running at {Urls} as node {Node} ({Role})", string.Join(", ", app.Urls), node.EffectiveName, node.Role));
app.Run();

/// <summary>Entry point; public so the test projects can host the real application.</summary>
public partial class Program;
