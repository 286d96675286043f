namespace CrmGovernance.Core.Features.Configuration.MatchRules;

/// <summary>The attributes a match rule can compare, whatever a system calls its fields.</summary>
public static class MatchAttributes
{
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string FullName = "full_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Dob = "dob";
    public const string StreetNumber = "street_number";
    public const string Street = "street";
    public const string Address2 = "address2";
    public const string City = "city";
    public const string Postcode = "postcode";
    public const string State = "state";
    public const string Country = "country";
    public const string Company = "company";
    public const string Website = "website";
    public const string NationalId = "national_id";

    /// <summary>A whole address on one line ("12 Smith St, Kingston ACT 2604"): read into street, number, unit, city, state, postcode and country where those are missing.</summary>
    public const string Address = "address";

    public static readonly IReadOnlyList<string> All =
    [
        FirstName, LastName, FullName, Email, Phone, Dob, StreetNumber, Street, Address2, City, Postcode, State, Country,
        Company, Website, NationalId, Address,
    ];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
