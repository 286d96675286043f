using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace CrmGovernance.Web.Hosting;

/// <summary>
/// The console's human-readable line, <c>[12:00:00 INF] message</c>, with control characters in the message written
/// as escapes (<c>\r</c>, <c>\n</c>, <c>\u001b</c>), so text from a request (a path with CR/LF, say) cannot start a
/// line of its own or drive the terminal. An exception follows on indented lines: only an entry starts at column 0. A line
/// logged within a request or a run ends with its trace and span ids.
/// </summary>
internal sealed class SingleLineConsoleFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _line = new("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}", CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        _line.Format(logEvent, line);
        if (logEvent.TraceId is { } trace)
        {
            // The request's or run's trace (docs/telemetry.md), so a line can be found from a span and back.
            line.Write(" trace=");
            line.Write(trace.ToHexString());
            line.Write(" span=");
            line.Write(logEvent.SpanId?.ToHexString());
        }
        output.Write(Escape(line.ToString()));
        output.WriteLine();
        if (logEvent.Exception is not null)
        {
            foreach (var exceptionLine in logEvent.Exception.ToString().Split('\n'))
            {
                output.Write("    ");
                output.WriteLine(Escape(exceptionLine.TrimEnd('\r')));
            }
        }
    }

    public static string Escape(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when IsUnsafe(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    // Control characters (C0, DEL, C1 including NEL) and the Unicode line and paragraph separators.
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
