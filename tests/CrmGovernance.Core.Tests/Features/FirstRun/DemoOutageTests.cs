using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.FirstRun.Demo;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmGovernance.Core.Tests.Features.FirstRun;

public sealed class DemoOutageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmgov-outage-").FullName;

    [Fact]
    public async Task The_marketing_database_is_moved_aside_for_the_outage_and_back_after_it_and_at_shutdown()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var options = Options.Create(new DemoOptions { Enabled = true, FirstOutageAfterSeconds = 0, MarketingOfflineSeconds = 60 });
        var paths = new DemoPaths(Options.Create(new DatabaseOptions { Path = Path.Combine(_folder, "portal.db") }), new HostingEnvironment { ContentRootPath = _folder });
        Directory.CreateDirectory(paths.Folder);
        var online = Path.Combine(paths.Folder, DemoDatabases.MarketingFile);
        await File.WriteAllTextAsync(online, "marketing");
        using var outages = new DemoOutages(options, paths, new DemoTimetable(options, clock), clock, NullLogger<DemoOutages>.Instance);

        await outages.StartAsync(CancellationToken.None);
        await UntilAsync(clock, () => !File.Exists(online) && File.Exists(online + ".offline"), TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(55));
        Assert.False(File.Exists(online));
        await UntilAsync(clock, () => File.Exists(online) && !File.Exists(online + ".offline"), TimeSpan.FromSeconds(1));
        Assert.Equal("marketing", await File.ReadAllTextAsync(online));

        // The next cycle takes it offline again; stopping the portal mid-outage puts it back.
        clock.Advance(start.AddMinutes(30).AddSeconds(-10) - clock.GetUtcNow());
        Assert.True(File.Exists(online));
        await UntilAsync(clock, () => !File.Exists(online), TimeSpan.FromSeconds(1));
        await outages.StopAsync(CancellationToken.None);
        Assert.True(File.Exists(online));
    }

    /// <summary>
    /// Waits for the condition, moving the fake clock by <paramref name="step"/> at each look: the service may not have
    /// armed its next delay yet when the test moves the clock, and a delay armed after a jump waits for the clock to move again.
    /// </summary>
    private static async Task UntilAsync(FakeTimeProvider clock, Func<bool> condition, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The outage did not move the file in time.");
            await Task.Delay(20);
            clock.Advance(step);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
