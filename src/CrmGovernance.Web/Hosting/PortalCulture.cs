using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CrmGovernance.Web.Hosting;

/// <summary>
/// Pages write numbers (and the server-rendered fallback of dates) in the browser's language: the culture of each request,
/// and so of the circuit it opens, comes from Accept-Language, matched against every culture .NET knows, falling back to
/// <see cref="Fallback"/>. Machine-facing endpoints (/api: inbound webhooks) keep the process culture, so a sender's
/// header cannot change how its payload is read. What must not vary (exports, JSON, URLs, stored values) is written
/// with the invariant culture wherever it is produced; docs/operations.md, "Language and formats".
/// </summary>
internal static class PortalCulture
{
    /// <summary>For browsers that send no language or one .NET does not know: day-month-year, 24-hour clock, "1,234.5".</summary>
    public const string Fallback = "en-GB";

    private static readonly RequestLocalizationOptions Options = Build();

    public static IApplicationBuilder UsePortalCulture(this IApplicationBuilder app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseRequestLocalization(Options));

    private static RequestLocalizationOptions Build()
    {
        var known = CultureInfo.GetCultures(CultureTypes.AllCultures).Where(c => c.Name.Length > 0).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Fallback),
            SupportedCultures = known,
            SupportedUICultures = known,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            // Only the browser's own setting: no ?culture= or cookie switch to support or to be surprised by.
            RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
        };
    }
}
