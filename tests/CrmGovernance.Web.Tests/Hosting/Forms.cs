using System.Net;
using System.Text.RegularExpressions;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>Posts a server-rendered Blazor form the way a browser does: handler name, antiforgery token, fields.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = TokenOf(page),
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>The antiforgery token of the first form on a rendered page.</summary>
    public static string TokenOf(string page) => WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
