namespace CrmGovernance.Architecture.Tests;

/// <summary>
/// The same direction through Web (docs/architecture.md, "Web"): <c>Web/Features/&lt;Feature&gt;</c> carries Core's feature
/// names and order. A Web feature may use the Web features before it and the portal's frame; the frame (Components,
/// Hosting, Security) puts the features together (Home's cards, the bell in the layout, the pipeline's endpoints), as
/// Core's composition root does.
/// </summary>
internal static class WebBoundaries
{
    public const string Web = "CrmGovernance.Web";

    /// <summary>Web's own folders beside Features: usable by every feature.</summary>
    public static readonly string[] Frame = ["Components", "Hosting", "Security"];

    /// <summary>Web.Tests folders beside the feature folders: the frame's tests (Layout and Locale test Components).</summary>
    public static readonly string[] FrameTests = ["Hosting", "Layout", "Locale", "Security"];

    /// <summary>
    /// The Web features that use a Core feature after their own, and why. Any other such use fails: a later feature adds to
    /// an earlier page through a slot or a column (docs/architecture.md, "Web"), as Incidents adds the flows' health.
    /// </summary>
    public static readonly (string Web, string Core, string Why)[] LaterCoreUses =
    [
        ("Configuration", "ChangeControl", "the governance pages edit inside a change request: they read drafts and save items through it"),
        ("Systems", "ChangeControl", "the same for systems (ConnectedSystemEditor encrypts their settings)"),
        ("Configuration", "Matching", "an object's page offers the standard match rules (DefaultMatchRules)"),
        ("Configuration", "Sync", "the Flows list says when each flow last read its source"),
        ("ChangeControl", "Audit", "a change request's report and the period report are Audit's (Reports/)"),
    ];

    public static string? FolderOf(string? ns) => FeatureBoundaries.FolderOf(ns, Web);

    /// <summary>Whether Web folder <paramref name="from"/> may use Core folder <paramref name="to"/>.</summary>
    public static bool MayUseCore(string from, string to) =>
        !from.StartsWith("Features/", StringComparison.Ordinal) || !to.StartsWith("Features/", StringComparison.Ordinal)
        || FeatureBoundaries.IsAtOrAfter(from, to)
        || LaterCoreUses.Any(u => "Features/" + u.Web == from && "Features/" + u.Core == to);

    /// <summary>Whether Web code in folder <paramref name="from"/> may use a type of Web folder <paramref name="to"/>.</summary>
    public static bool MayUse(string from, string to)
    {
        if (from == to || to == "" || !from.StartsWith("Features/", StringComparison.Ordinal))
        {
            return true;
        }
        if (Frame.Contains(to))
        {
            return true;
        }
        return to.StartsWith("Features/", StringComparison.Ordinal) && FeatureBoundaries.IsAtOrAfter(from, to);
    }
}
