namespace CrmGovernance.Web.Tests.Security;

/// <summary>Who may use an endpoint, as declared in <see cref="AccessTable"/>.</summary>
public sealed record Access(string Kind, IReadOnlySet<string> Roles)
{
    public static readonly Access Anonymous = new("anonymous", new HashSet<string>());
    public static readonly Access Framework = new("framework", new HashSet<string>());
    public static readonly Access AnyUser = new("any signed-in user", new HashSet<string>());

    public static Access RolesOnly(params string[] roles) => new("roles", new HashSet<string>(roles));

    public bool Allows(string role) => Kind == AnyUser.Kind || (Kind == "roles" && Roles.Contains(role));

    public bool SameAs(Access other) => Kind == other.Kind && Roles.SetEquals(other.Roles);

    public override string ToString() => Kind == "roles" ? "roles " + string.Join("+", Roles.Order()) : Kind;
}
