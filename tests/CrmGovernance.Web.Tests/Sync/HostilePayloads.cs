using System.Text;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>One malformed or hostile request: where it goes, its content type (null: none) and its raw body.</summary>
public sealed record HostilePayload(string Label, string Path, string? ContentType, byte[] Body, string? IdempotencyKey = null);

/// <summary>The hostile inputs, cycled to any count: broken JSON, wrong types, huge, odd Unicode, injections, nesting, arrays, empty.</summary>
public static class HostilePayloads
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Contacts = InboundPortal.Contacts;

    public static IEnumerable<HostilePayload> Take(int count)
    {
        var kinds = Kinds().ToList();
        for (var i = 0; i < count; i++)
        {
            var payload = kinds[i % kinds.Count](i);
            yield return payload;
        }
    }

    private static IEnumerable<Func<int, HostilePayload>> Kinds()
    {
        // Broken JSON.
        yield return i => Text("unclosed object", Json, $$"""{"email": "u{{i}}@example.com" """);
        yield return _ => Text("unquoted names", Json, "{email: 1}");
        yield return _ => Text("missing value", Json, """{"a":}""");
        yield return _ => Text("trailing garbage", Json, """{"a":"b"}}""");
        yield return _ => Text("trailing comma", Json, """{"a":"b",}""");
        yield return _ => Text("single quotes", Json, "{'a':'b'}");
        yield return _ => Text("comment", Json, """{"a":1 /* x */}""");
        yield return _ => Text("whitespace only", Json, "   \r\n\t ");
        yield return _ => Text("truncated escape", Json, """{"a":"\u12""");
        // JSON that is not an object.
        yield return _ => Text("array", Json, """[{"email":"a@example.com"},{"email":"b@example.com"}]""");
        yield return _ => Text("empty array", Json, "[]");
        yield return _ => Text("string", Json, "\"just text\"");
        yield return _ => Text("number", Json, "42");
        yield return _ => Text("null", Json, "null");
        yield return _ => Text("boolean", Json, "true");
        // Wrong or odd content types.
        yield return _ => Text("text/plain", "text/plain", """{"email":"a@example.com"}""");
        yield return _ => Text("xml", "application/xml", "<contact><email>a@example.com</email></contact>");
        yield return _ => Text("multipart", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--");
        yield return _ => Text("no content type", null, """{"email":"a@example.com"}""");
        yield return _ => Text("garbage content type", "@@@ ;;; ===", """{"a":"b"}""");
        yield return _ => Text("utf-16 charset", "application/json; charset=utf-16", """{"a":"b"}""");
        yield return _ => Text("latin-1 form", Form + "; charset=iso-8859-1", "name=Fran%E7ois");
        yield return _ => Text("image", "image/png", "\u0089PNG\r\n");
        yield return _ => Text("json suffix type", "application/vnd.api+json", """{"a":"b"}""");
        // Huge bodies: over Inbound:MaxBodyBytes, and (rarely) over Inbound:MaxStoredBytes too.
        yield return i => new HostilePayload("huge json", Contacts, Json, Encoding.UTF8.GetBytes($$"""{"blob":"{{new string('x', 270_000 + i)}}"}"""));
        yield return i => new HostilePayload("huge form", Contacts, Form, Encoding.UTF8.GetBytes("blob=" + new string('y', 263_000 + i)));
        yield return i => i % 10 == 1
            ? new HostilePayload("over the stored limit", Contacts, Json, Encoding.UTF8.GetBytes("[\"" + new string('é', 2_200_000) + "\"]"))
            : Text("small after huge", Json, """{"a":"b"}""");
        // Odd Unicode.
        yield return _ => Text("lone high surrogate escape", Json, """{"name":"\ud800"}""");
        yield return _ => Text("lone low surrogate escape", Json, """{"name":"x\udc00y"}""");
        yield return _ => Text("surrogate in a name", Json, """{"\ud83d":"x"}""");
        yield return _ => Text("right-to-left override", Json, "{\"name\":\"\u202Egnp.exe\",\"city\":\"\u05D9\u05E8\u05D5\u05E9\u05DC\u05D9\u05DD\"}");
        yield return _ => Text("emoji", Json, "{\"name\":\"👩‍👩‍👧‍👦 🏳️‍🌈 \uD83D\uDE00\"}");
        yield return _ => Text("escaped NUL", Json, """{"name":"a\u0000b","\u0000":"nul name"}""");
        yield return _ => Bytes("raw NUL", Json, [.. "{\"name\":\"a"u8, 0x00, .. "b\"}"u8]);
        yield return _ => Bytes("invalid UTF-8 byte", Json, [.. "{\"name\":\""u8, 0xFF, .. "\"}"u8]);
        yield return _ => Bytes("overlong encoding", Json, [.. "{\"name\":\""u8, 0xC0, 0xAF, .. "\"}"u8]);
        yield return _ => Bytes("encoded surrogate", Json, [.. "{\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8]);
        yield return _ => Bytes("utf-16 body", Json, Encoding.Unicode.GetBytes("{\"a\":\"b\"}"));
        yield return _ => Bytes("BOM", Json, [0xEF, 0xBB, 0xBF, .. "{\"a\":\"b\"}"u8]);
        yield return _ => Text("form percent FF", Form, "name=%FF%FE");
        yield return _ => Text("form percent NUL", Form, "name=a%00b&email=x%40example.com");
        yield return _ => Text("form emoji", Form, "name=%F0%9F%98%80&rtl=%E2%80%AEabc");
        yield return _ => Text("form broken escapes", Form, "name=100%&x=%zz&y=%4");
        yield return _ => Text("form zero-width", Form, "na%E2%80%8Bme=x&=empty-name&flag");
        // Script and SQL.
        yield return i => Text("script", Json, $$"""{"name":"<script>alert({{i}})</script>","bio":"<img src=x onerror=alert(1)>","link":"javascript:alert(1)"}""");
        yield return _ => Text("sql", Json, """{"email":"x' OR '1'='1","name":"Robert'); DROP TABLE \"InboxItems\";--","q":"1; DELETE FROM ErrorQueueItems"}""");
        yield return _ => Text("sql in a form", Form, "name=Robert%27%29%3B+DROP+TABLE+InboxItems%3B--&email=a%40b.c");
        yield return _ => Text("formula", Json, """{"name":"=HYPERLINK(\"http://x\",\"y\")","cmd":"@SUM(1+1)*cmd|' /C calc'!A0"}""");
        yield return _ => Text("template", Json, """{"name":"{{7*7}} ${7*7} <%= 7*7 %>","path":"../../etc/passwd"}""");
        // Deeply nested JSON.
        yield return _ => Text("nested 1000", Json, string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000));
        yield return _ => Text("nested 50", Json, "{\"deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", 50)) + "1" + new string('}', 51));
        yield return _ => Text("nested arrays", Json, "{\"deep\":" + new string('[', 5000) + new string(']', 5000) + "}");
        yield return _ => Text("many fields", Json, "{" + string.Join(",", Enumerable.Range(0, 5000).Select(n => $"\"f{n}\":{n}")) + "}");
        yield return _ => Text("duplicate names", Json, """{"a":"1","a":"2"}""");
        // Empty and nearly empty.
        yield return _ => Text("empty json", Json, "");
        yield return _ => Text("empty form", Form, "");
        yield return _ => Text("no fields", Form, "&&&");
        yield return _ => Text("empty object", Json, "{}");
        // Odd routes and headers, with a valid key.
        yield return _ => Text("unknown object", "api/inbound/website/no-such-object", Json, """{"a":"b"}""");
        yield return _ => Text("script object", "api/inbound/website/%3Cscript%3E", Json, """{"a":"b"}""");
        yield return _ => Text("sql object", "api/inbound/website/contact%27--", Json, """{"a":"b"}""");
        yield return i => new HostilePayload("idempotency key", Contacts, Json, """{"a":"b"}"""u8.ToArray(), $"hostile-{i}-{Guid.NewGuid()}");
        yield return _ => new HostilePayload("long idempotency key", Contacts, Json, """{"a":"b"}"""u8.ToArray(), new string('k', 500));
    }

    private static HostilePayload Text(string label, string? contentType, string body) => new(label, Contacts, contentType, Encoding.UTF8.GetBytes(body));

    private static HostilePayload Text(string label, string path, string? contentType, string body) => new(label, path, contentType, Encoding.UTF8.GetBytes(body));

    private static HostilePayload Bytes(string label, string? contentType, byte[] body) => new(label, Contacts, contentType, body);
}
