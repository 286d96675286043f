using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// A normalised first or last name with what comparing it needs: its nickname groups and phonetic codes. Made once
/// per distinct name and shared by every record that carries it (a model caches them).
/// </summary>
internal sealed class NamePart
{
    public NamePart(string text)
    {
        Text = text;
        Codes = DoubleMetaphone.Encode(text);
        var tokens = text.Split(' ');
        Groups = tokens.Length == 1 ? Nicknames.GroupsOf(text) : [.. tokens.SelectMany(Nicknames.GroupsOf).Distinct().Order()];
    }

    public string Text { get; }

    /// <summary>Nickname groups of any of its words, ascending.</summary>
    public int[] Groups { get; }

    public (string Primary, string Alternate) Codes { get; }

    public bool IsMultiWord => Text.Contains(' ', StringComparison.Ordinal);
}
