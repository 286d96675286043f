using System.Globalization;
using System.Text;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>Reads the text <see cref="TransformArgumentText.Format"/> writes; see there for the syntax.</summary>
internal sealed class TransformArgumentParser(string text)
{
    private int _at;

    public SortedDictionary<string, string> Args { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Map { get; } = new(StringComparer.Ordinal);

    private bool AtEnd => _at >= text.Length;
    private string Rest => text[_at..];

    public string? Run()
    {
        SkipSpace();
        while (!AtEnd)
        {
            if (Part() is { } error)
            {
                return error;
            }
            SkipSpace();
            if (!AtEnd && !Take(';'))
            {
                return $"expected ; before \"{Rest}\".";
            }
            SkipSpace();
        }
        return null;
    }

    private string? Part()
    {
        var start = _at;
        while (!AtEnd && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_'))
        {
            _at++;
        }
        var name = text[start.._at];
        SkipSpace();
        if (name.Length == 0)
        {
            return $"expected an argument name, such as format=, before \"{Rest}\".";
        }
        if (string.Equals(name, "map", StringComparison.OrdinalIgnoreCase) && Take(':'))
        {
            return Entries();
        }
        if (!Take('='))
        {
            return $"write the argument {name} as {name}=value.";
        }
        var (value, error) = Value(";");
        return error ?? (Args.TryAdd(name, value!) ? null : $"the argument '{name}' is given twice.");
    }

    private string? Entries()
    {
        SkipSpace();
        while (!AtEnd && text[_at] != ';')
        {
            var (key, error) = Value("=,;");
            if (error is not null)
            {
                return error;
            }
            if (!Take('=') || !Take('>'))
            {
                return $"write each map entry as from=>to, e.g. paid=>paid (at \"{Rest}\").";
            }
            var (to, toError) = Value(",;");
            if (toError is not null)
            {
                return toError;
            }
            if (!Map.TryAdd(key!, to!))
            {
                return $"the map lists '{key}' twice.";
            }
            SkipSpace();
            if (!Take(','))
            {
                break;
            }
            SkipSpace();
        }
        return null;
    }

    /// <summary>A quoted value, or bare text up to one of <paramref name="stops"/>, spaces at both ends removed.</summary>
    private (string? Value, string? Error) Value(string stops)
    {
        SkipSpace();
        if (!Take('"'))
        {
            var start = _at;
            while (!AtEnd && !stops.Contains(text[_at], StringComparison.Ordinal))
            {
                _at++;
            }
            return (text[start.._at].Trim(), null);
        }
        var value = new StringBuilder();
        while (!AtEnd && text[_at] != '"')
        {
            var c = text[_at++];
            if (c != '\\' || AtEnd)
            {
                value.Append(c);
                continue;
            }
            var e = text[_at++];
            if (e == 'u' && _at + 4 <= text.Length && int.TryParse(text.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                value.Append((char)code);
                _at += 4;
                continue;
            }
            // Unknown escapes keep their backslash, so a pasted Windows path survives.
            value.Append(e switch { 't' => "\t", 'n' => "\n", 'r' => "\r", '"' => "\"", '\\' => "\\", _ => "\\" + e });
        }
        if (!Take('"'))
        {
            return (null, "a double quote is opened but not closed.");
        }
        SkipSpace();
        return AtEnd || stops.Contains(text[_at], StringComparison.Ordinal)
            ? (value.ToString(), null)
            : (null, $"unexpected text after a closing quote: \"{Rest}\".");
    }

    private bool Take(char c)
    {
        if (AtEnd || text[_at] != c)
        {
            return false;
        }
        _at++;
        return true;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(text[_at]))
        {
            _at++;
        }
    }
}
