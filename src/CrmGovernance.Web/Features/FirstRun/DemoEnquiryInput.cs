namespace CrmGovernance.Web.Features.FirstRun;

/// <summary>What a visitor types into the demo's contact form; nothing is checked here, as on many real websites.</summary>
internal sealed class DemoEnquiryInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Message { get; set; }

    /// <summary>The form fields the website posts, under the names of the website's field catalog.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields(DateTime nowUtc) =>
    [
        new("first_name", FirstName ?? ""), new("last_name", LastName ?? ""), new("email", Email ?? ""), new("phone", Phone ?? ""),
        new("message", Message ?? ""), new("submitted_at", nowUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
        new("page", "/demo/form"),
    ];
}
