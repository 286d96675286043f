using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>What a token may be used for, and the capability its owner must hold for the scope to work.</summary>
public static class AccessTokenScopes
{
    public const string IncidentsRead = "incidents:read";
    public const string InsightsRead = "insights:read";

    private static readonly Dictionary<string, Capability> Needs = new(StringComparer.Ordinal)
    {
        [IncidentsRead] = Capability.ViewIncidents,
        // A business owner's token reads the figures of the objects they own only (the insights services check).
        [InsightsRead] = Capability.ViewInsights,
    };

    public static IReadOnlyCollection<string> All => Needs.Keys;

    public static bool IsKnown(string scope) => Needs.ContainsKey(scope);

    public static Capability CapabilityOf(string scope) => Needs[scope];

    /// <summary>Whether someone with these roles holds the capability the scope needs.</summary>
    public static bool HeldBy(string scope, IReadOnlyCollection<string> roles) =>
        Needs.TryGetValue(scope, out var capability) && CapabilityTable.Of(capability).AnyRoles.Any(roles.Contains);

    public static IReadOnlyList<string> Split(string scopes) =>
        scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Describe(string scope) => scope switch
    {
        IncidentsRead => "Read incidents and their timelines",
        InsightsRead => "Read the insights dashboard's figures",
        _ => scope,
    };
}
