namespace CrmGovernance.Web.Features.Users;

/// <summary>What the admin pages say about a user without a role: they can sign in, and then open nothing.</summary>
public static class UserRoleWarning
{
    public const string Creating = "No role chosen: the user can sign in but opens no page until an admin gives them a role.";

    public const string InList = "No role: signs in but can open no page. Add a role with +.";

    public static string RemovingLast(string email) => $"{email} then has no role: they can still sign in but open no page until given one.";
}
