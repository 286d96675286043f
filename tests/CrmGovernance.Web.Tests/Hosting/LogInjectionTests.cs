using System.Text.Json;

namespace CrmGovernance.Web.Tests.Hosting;

[Collection(StaticLoggerTests.Name)]
public sealed class LogInjectionTests : IDisposable
{
    private const string Forged = "2026-12-06 [INF] forged";
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "crmgov-logs-" + Guid.NewGuid().ToString("N"));
    private readonly PortalHost _host;

    public LogInjectionTests()
    {
        _host = new PortalHost(demo: false, settings: new Dictionary<string, string>
        {
            ["Logs:Path"] = Path.Combine(_logs, "portal-.log"),
            // The request line is what carries the path; the test host otherwise logs warnings only.
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
        });
    }

    [Fact]
    public async Task A_request_path_with_CR_LF_writes_no_forged_line_to_the_log_file()
    {
        using var client = _host.NewClient();
        using var _ = await client.GetAsync("foo%0d%0a" + Uri.EscapeDataString(Forged));

        var lines = await LogLinesOnceMentioningAsync("forged");

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.False(line.StartsWith(Forged, StringComparison.Ordinal), $"Forged line in the log: {line}");
            using var entry = JsonDocument.Parse(line); // every line is one whole JSON object
            Assert.Equal(JsonValueKind.Object, entry.RootElement.ValueKind);
        }
        var request = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.TryGetProperty("RequestPath", out var p) && p.GetString()!.Contains("forged", StringComparison.Ordinal));
        Assert.Equal("/foo\r\n" + Forged, request.GetProperty("RequestPath").GetString());
    }

    /// <summary>
    /// The non-empty lines of the log file, read once some line mentions the text (the request line is written
    /// when the response completes).
    /// </summary>
    private async Task<List<string>> LogLinesOnceMentioningAsync(string text)
    {
        for (var wait = 0; wait < 150; wait++)
        {
            if (Directory.Exists(_logs) && Directory.GetFiles(_logs) is [var file])
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                var lines = (await reader.ReadToEndAsync()).Split('\n').Where(l => l.Length > 0).ToList();
                if (lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
                {
                    return lines;
                }
            }
            await Task.Delay(100);
        }
        var files = Directory.Exists(_logs) ? Directory.GetFiles(_logs) : [];
        Assert.Fail($"No log line mentions '{text}'. Files: {string.Join(", ", files.Select(f => $"{Path.GetFileName(f)} ({new FileInfo(f).Length} bytes)"))}");
        return [];
    }

    public void Dispose()
    {
        _host.Dispose();
        try
        {
            Directory.Delete(_logs, recursive: true);
        }
        catch (IOException)
        {
            // The log file may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
