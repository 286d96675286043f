using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// Writes the XML of a spreadsheet part as UTF-8 bytes through one reusable buffer, so a million rows cost no string per
/// cell. <see cref="Text"/> escapes a value so that a reader of the file gets back exactly the characters written.
/// </summary>
internal sealed class XlsxUtf8Writer(Stream output) : IDisposable
{
    private const int Capacity = 1 << 16;

    // XML markup, and characters XML cannot carry (or, for a carriage return, would turn into a line feed).
    private static readonly SearchValues<char> s_special = SearchValues.Create(
        "<>&\r\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000B\f\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017"
        + "\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static readonly SearchValues<char> s_lineBreaksAndTabs = SearchValues.Create("\t\r\n");

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Capacity);
    private int _used;

    /// <summary>True when the text needs <c>xml:space="preserve"</c>: readers may drop leading or trailing white space otherwise.</summary>
    public static bool NeedsPreserve(string value) =>
        value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.AsSpan().ContainsAny(s_lineBreaksAndTabs));

    /// <summary>Markup of our own (ASCII, never user text).</summary>
    public void Raw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > Capacity)
        {
            Flush();
            output.Write(utf8);
            return;
        }
        Ensure(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
    }

    public void Number(long value)
    {
        Ensure(24);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
        _used += written;
    }

    /// <summary>ISO 8601 round-trip form ("O"), e.g. 2026-11-27T01:02:03.1234567Z.</summary>
    public void Time(DateTime utc)
    {
        Ensure(40);
        utc.TryFormat(_buffer.AsSpan(_used), out var written, "O", CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>
    /// Character data: XML-escaped; control characters other than tab and line feed, and carriage return (which XML
    /// would turn into a line feed), as the format's own _xHHHH_ escape; text that reads like that escape (the text
    /// "_x0041_", which a reader would show as "A") with its first digit escaped: "_x_x0030_041_" reads back "_x0041_".
    /// </summary>
    public void Text(ReadOnlySpan<char> value)
    {
        // Excel writes "_x005F_x0041_" instead, but ClosedXML 0.95.4 leaves _x005F_ undecoded; a single-pass decoder
        // (Excel's, ClosedXML's, XmlConvert.DecodeName) reads this form back exactly.
        for (var cut = EscapeLookalike(value); cut >= 0; cut = EscapeLookalike(value))
        {
            Plain(value[..(cut + 1)]);
            Escape(value[cut + 1]);
            value = value[(cut + 2)..];
        }
        Plain(value);
    }

    private void Plain(ReadOnlySpan<char> value)
    {
        var rest = value;
        while (!rest.IsEmpty)
        {
            var at = rest.IndexOfAny(s_special);
            Utf8Chars(at < 0 ? rest : rest[..at]);
            if (at < 0)
            {
                return;
            }
            var c = rest[at];
            switch (c)
            {
                case '<': Raw("&lt;"u8); break;
                case '>': Raw("&gt;"u8); break;
                case '&': Raw("&amp;"u8); break;
                default: Escape(c); break;
            }
            rest = rest[(at + 1)..];
        }
    }

    /// <summary>Where text reads like the format's escape (_xHHHH_): the index of its "x"; -1 when there is none.</summary>
    public static int EscapeLookalike(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf('_'); at >= 0 && at + 6 < text.Length; at = text[(at + 1)..].IndexOf('_') is var next and >= 0 ? at + 1 + next : -1)
        {
            if (text[at + 1] is 'x' or 'X' && char.IsAsciiHexDigit(text[at + 2]) && char.IsAsciiHexDigit(text[at + 3])
                && char.IsAsciiHexDigit(text[at + 4]) && char.IsAsciiHexDigit(text[at + 5]) && text[at + 6] == '_')
            {
                return at + 1;
            }
        }
        return -1;
    }

    public void Flush()
    {
        if (_used > 0)
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    public void Dispose()
    {
        Flush();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Escape(char c)
    {
        Ensure(7);
        var span = _buffer.AsSpan(_used);
        "_x"u8.CopyTo(span);
        ((int)c).TryFormat(span[2..], out _, "X4", CultureInfo.InvariantCulture);
        span[6] = (byte)'_';
        _used += 7;
    }

    private void Utf8Chars(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            // Stops at a whole character when the buffer is full; a lone surrogate (not text) becomes U+FFFD.
            var status = Utf8.FromUtf16(chars, _buffer.AsSpan(_used), out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            _used += written;
            chars = chars[read..];
            if (status == OperationStatus.DestinationTooSmall)
            {
                Flush();
            }
        }
    }

    private void Ensure(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            Flush();
        }
    }
}
