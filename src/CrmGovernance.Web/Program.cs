using CrmGovernance.Core;
using CrmGovernance.Core.Events;
using CrmGovernance.Web.Features.Demo;
using CrmGovernance.Web.Features.Inbound;
using CrmGovernance.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrmLogging();
builder.Services.AddCrmCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCrmIdentity(builder.Configuration);
builder.Services.AddCrmWebSecurity(builder.Configuration, builder.Environment);
builder.Services.AddCrmUi();
builder.Services.AddOperationsEventDelivery();
builder.Services.AddInboundEndpoint(builder.Configuration);
builder.Services.AddCrmDemo();

var app = builder.Build();
app.UseCrmPipeline();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("CrmGovernance is running at {Urls}", string.Join(", ", app.Urls)));
app.Run();

/// <summary>Entry point; public so the test projects can host the real application.</summary>
public partial class Program;
