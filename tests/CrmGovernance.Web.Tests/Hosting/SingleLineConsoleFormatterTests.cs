using System.Globalization;
using CrmGovernance.Web.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace CrmGovernance.Web.Tests.Hosting;

public sealed class SingleLineConsoleFormatterTests
{
    [Fact]
    public void A_value_with_CR_LF_stays_on_its_entrys_line_with_the_control_characters_escaped()
    {
        var output = Format(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("HTTP GET {RequestPath} responded 404"),
            [new LogEventProperty("RequestPath", new ScalarValue("/foo\r\n2026-12-06 [INF] forged\u001b[2J"))]));

        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.EndsWith(@"HTTP GET /foo\r\n2026-12-06 [INF] forged\u001b[2J responded 404", line, StringComparison.Ordinal);
        Assert.StartsWith("[", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_follows_on_indented_lines_so_only_entries_start_at_column_zero()
    {
        var output = Format(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, new InvalidOperationException("bad\n[12:00:00 INF] forged"),
            new MessageTemplateParser().Parse("Something failed"), []));

        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("[", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("    ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("forged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_logged_within_a_trace_ends_with_its_trace_and_span_ids()
    {
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom();
        var span = System.Diagnostics.ActivitySpanId.CreateRandom();

        var output = Format(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("Run ended"), [], trace, span));

        Assert.EndsWith($"] Run ended trace={trace.ToHexString()} span={span.ToHexString()}", output.TrimEnd(), StringComparison.Ordinal);
    }

    private static string Format(LogEvent logEvent)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        new SingleLineConsoleFormatter().Format(logEvent, output);
        return output.ToString();
    }
}
