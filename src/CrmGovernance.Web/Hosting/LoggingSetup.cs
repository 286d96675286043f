using Serilog;
using Serilog.Formatting.Compact;

namespace CrmGovernance.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console and a daily rolling file (Logs:Path); levels from the "Serilog" section. The file holds
    /// one JSON object per line (CLEF, with the rendered message), so a value carrying CR/LF stays inside its string
    /// and cannot forge an entry; the console stays human-readable with control characters escaped.
    /// </summary>
    public static WebApplicationBuilder AddCrmLogging(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Logs:Path"] ?? "logs/crmgovernance-.log";
        var path = Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        builder.Services.AddSerilog((services, log) =>
        {
            // When the host builds the logger, not while registering: owner-only (0700 on Unix) before the file sink
            // creates the folder world-readable, since logs name users and systems.
            CrmGovernance.Core.Data.OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
            log.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.Console(new SingleLineConsoleFormatter())
                .WriteTo.File(new RenderedCompactJsonFormatter(), path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
        });
        return builder;
    }
}
