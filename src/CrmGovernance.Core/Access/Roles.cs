namespace CrmGovernance.Core.Access;

/// <summary>The portal's roles. A role's id is its name, so audit rows read plainly.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string BusinessOwner = "BusinessOwner";
    public const string Steward = "Steward";
    public const string Manager = "Manager";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Admin, BusinessOwner, Steward, Manager, Auditor];

    public static string Describe(string role) => role switch
    {
        Admin => "Admin",
        BusinessOwner => "Business owner",
        Steward => "Steward",
        Manager => "Manager",
        Auditor => "Auditor",
        _ => role,
    };
}
