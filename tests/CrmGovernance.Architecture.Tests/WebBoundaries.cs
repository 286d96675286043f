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

    public static string? FolderOf(string? ns) => FeatureBoundaries.FolderOf(ns, Web);

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
