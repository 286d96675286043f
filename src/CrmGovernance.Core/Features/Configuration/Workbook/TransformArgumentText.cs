using System.Buffers;
using System.Text;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// A transform's arguments as one line of text, and back: <c>formats=dd/MM/yyyy|MM/dd/yyyy; default=other</c>, with a
/// value map's entries as <c>map: paid=&gt;paid, refunded=&gt;refunded</c>. Parts are separated by ";", spaces around
/// separators are ignored. A value that is empty, has spaces at either end, or holds ; , = " a tab or a line break is
/// written in double quotes, where \" \\ \t \n \r and \uXXXX stand for themselves: <c>separator=", "</c>.
/// <see cref="Parse"/> reads back exactly what <see cref="Format"/> writes.
/// </summary>
public static class TransformArgumentText
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static string Format(Transform transform)
    {
        var parts = new List<string>();
        if (transform.Map.Count > 0)
        {
            parts.Add("map: " + string.Join(", ", transform.Map.Select(e => $"{Value(e.Key)}=>{Value(e.Value)}")));
        }
        parts.AddRange(transform.Args.Select(a => $"{a.Key}={Value(a.Value)}"));
        return string.Join("; ", parts);
    }

    /// <summary>The arguments and value-map entries the text gives, or what is wrong with it.</summary>
    public static (SortedDictionary<string, string> Args, SortedDictionary<string, string> Map, string? Error) Parse(string text)
    {
        var parser = new TransformArgumentParser(text);
        var error = parser.Run();
        return (parser.Args, parser.Map, error);
    }

    private static string Value(string value) => NeedsQuotes(value) ? Quoted(value) : value;

    private static bool NeedsQuotes(string v) =>
        v.Length == 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]) || v.IndexOfAny([';', ',', '=', '"']) >= 0
        || v.Any(char.IsControl) || Enumerable.Range(0, v.Length).Any(i => LooksEscaped(v, i));

    /// <summary>"_x000D_" in a cell reads back as a carriage return in ClosedXML 0.95, so such an underscore is escaped.</summary>
    private static bool LooksEscaped(string v, int i) =>
        v[i] == '_' && i + 6 < v.Length && v[i + 1] == 'x' && v[i + 6] == '_' && !v.AsSpan(i + 2, 4).ContainsAnyExcept(HexDigits);

    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '_' when LooksEscaped(value, i) => "\\u005F",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
