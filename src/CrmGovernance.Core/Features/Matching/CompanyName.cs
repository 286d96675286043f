namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// A normalised company name with what comparing it needs: its words (at most <see cref="MaxWords"/>) and the name
/// with the spaces taken out, so that "dsm ip assets" and "dsmip assets" meet. Made once per distinct name and shared.
/// </summary>
internal sealed class CompanyName
{
    public const int MaxWords = 16;

    public CompanyName(string text)
    {
        Text = text;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Words = words.Length <= MaxWords ? words : words[..MaxWords];
        Squashed = string.Concat(Words);
    }

    public string Text { get; }

    public string[] Words { get; }

    public string Squashed { get; }
}
