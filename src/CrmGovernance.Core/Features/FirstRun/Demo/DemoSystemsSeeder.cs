using CrmGovernance.Core.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// At start, with the live demo on: creates the demo systems' missing databases. A startup step, so they exist before
/// the scheduler or any worker runs the first flow.
/// </summary>
internal sealed partial class DemoSystemsSeeder(IOptions<DemoOptions> demo, DemoPaths paths, TimeProvider clock, ILogger<DemoSystemsSeeder> logger)
    : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.IsLive)
        {
            return;
        }
        try
        {
            var created = await DemoDatabases.CreateMissingAsync(paths.Folder, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (created.Count > 0)
            {
                LogCreated(logger, string.Join(", ", created), paths.Folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The portal still starts; the demo flows then report their systems as unavailable.
            LogNotCreated(logger, e, paths.Folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo systems could not be created in {Folder}; the demo flows will find them unavailable")]
    private static partial void LogNotCreated(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo systems created: {Files} in {Folder}")]
    private static partial void LogCreated(ILogger logger, string files, string folder);
}
