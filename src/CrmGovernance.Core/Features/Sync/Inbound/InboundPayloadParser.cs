using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// Turns an inbound body into the inbox's flat JSON object of string values: the fields of a form
/// (application/x-www-form-urlencoded), or the top-level properties of a JSON object, numbers and booleans as their
/// invariant text, nested objects and arrays as their JSON text, null kept as null. Anything else is refused with
/// a message that says what is wrong. Pure: no I/O.
/// </summary>
public static class InboundPayloadParser
{
    public const int MaxJsonDepth = 64;
    private const string Supported = "Send application/json (an object) or application/x-www-form-urlencoded, in UTF-8.";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions Reader = new() { MaxDepth = MaxJsonDepth };

    public static PayloadParse Parse(ReadOnlyMemory<byte> body, string? contentType)
    {
        if (body.IsEmpty)
        {
            return PayloadParse.Refused(StatusCodes.Status400BadRequest, "The body is empty: there is nothing to store.");
        }
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return PayloadParse.Refused(StatusCodes.Status415UnsupportedMediaType, "The request has no Content-Type. " + Supported);
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return PayloadParse.Refused(StatusCodes.Status415UnsupportedMediaType, $"The Content-Type \"{Clip(contentType)}\" cannot be read. " + Supported);
        }
        var charset = media.Charset.Value;
        if (charset is not null && !IsUtf8(charset))
        {
            return PayloadParse.Refused(StatusCodes.Status415UnsupportedMediaType, $"The charset \"{Clip(charset)}\" is not supported. " + Supported);
        }
        var isJson = IsJson(type);
        var isForm = type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !isForm)
        {
            return PayloadParse.Refused(StatusCodes.Status415UnsupportedMediaType, $"The Content-Type \"{Clip(type)}\" is not supported. " + Supported);
        }
        var bytes = body.Span;
        if (!Utf8.IsValid(bytes))
        {
            return PayloadParse.Refused(StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
        }
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[3..];
        }
        return isJson ? ParseJson(body) : ParseForm(Encoding.UTF8.GetString(body.Span));
    }

    private static bool IsJson(string type) =>
        type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsUtf8(string charset) =>
        charset.Trim('"') is var c && (c.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || c.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            || c.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));

    private static PayloadParse ParseJson(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Reader);
        }
        catch (JsonException ex)
        {
            return PayloadParse.Refused(StatusCodes.Status400BadRequest, "The body is not valid JSON: " + ex.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return PayloadParse.Refused(StatusCodes.Status400BadRequest,
                    $"The JSON body is {Describe(root.ValueKind)}; it must be an object whose properties are the record's fields.");
            }
            var fields = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
            try
            {
                foreach (var property in root.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null => null,
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        // Numbers keep their JSON text (invariant, no rounding); objects and arrays their JSON text.
                        _ => property.Value.GetRawText(),
                    };
                }
            }
            catch (InvalidOperationException ex)
            {
                // An escaped lone surrogate ("\ud800") is valid JSON syntax but not text.
                return PayloadParse.Refused(StatusCodes.Status400BadRequest, "The JSON body holds text that is not valid Unicode: " + ex.Message);
            }
            return Write(fields);
        }
    }

    private static PayloadParse ParseForm(string body)
    {
        var fields = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (name is null || value is null)
            {
                return PayloadParse.Refused(StatusCodes.Status400BadRequest,
                    $"The form field \"{Clip(equals < 0 ? pair : pair[..equals])}\" is not valid UTF-8 once percent-decoded.");
            }
            // A repeated name (checkboxes, multi-selects) keeps all its values, comma-separated as ASP.NET joins them.
            fields[name] = fields.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }
        return Write(fields);
    }

    /// <summary>Percent-decodes one form name or value ('+' is a space); null when the bytes are not UTF-8.</summary>
    private static string? Decode(string text)
    {
        if (text.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return text;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '+')
                {
                    buffer[length++] = (byte)' ';
                }
                else if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    buffer[length++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                    i += 2;
                }
                else
                {
                    // Anything else, including a '%' not followed by two hex digits, stays as it was sent.
                    length += Encoding.UTF8.GetBytes(text.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1), buffer.AsSpan(length));
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                    {
                        i++;
                    }
                }
            }
            var decoded = buffer.AsSpan(0, length);
            return Utf8.IsValid(decoded) ? Encoding.UTF8.GetString(decoded) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static PayloadParse Write(OrderedDictionary<string, string?> fields)
    {
        if (fields.Count == 0)
        {
            return PayloadParse.Refused(StatusCodes.Status400BadRequest, "The body has no fields: there is nothing to store.");
        }
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output, Writer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
        return PayloadParse.Fields(Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    /// <summary>At most 100 characters of a value quoted in a message (never half a surrogate pair).</summary>
    public static string Clip(string text, int max = 100) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)] + "…";
}
