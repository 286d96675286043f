namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// Someone in the demo data: the name as the person would write it, the email in its clean (lower-case) form, the
/// phone as UK national digits (e.g. 07912345678), and the company they work for, if any.
/// </summary>
public sealed record DemoPerson(string FirstName, string LastName, string Email, string Phone, int? Company)
{
    /// <summary>The phone in E.164, as the CRM keeps it.</summary>
    public string PhoneE164 => "+44" + Phone[1..];
}
