using System.Diagnostics.CodeAnalysis;

namespace CrmGovernance.Core.Features.Configuration.MatchRules;

/// <summary>
/// A parsed blocking key of a match rule: parts joined by "+", each an attribute with optional functions
/// ("last_name.metaphone+first_name.initial", "dob+postcode", "email.domain"). A record missing any part has no key.
/// </summary>
public sealed record BlockingKeyExpression(string Text, IReadOnlyList<BlockingKeyPart> Parts)
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong, for the rule editor.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out BlockingKeyExpression? expression, out string error)
    {
        expression = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A blocking key is empty: name at least one attribute, e.g. \"email\" or \"last_name.metaphone+first_name.initial\".";
            return false;
        }
        var parts = new List<BlockingKeyPart>();
        foreach (var raw in text.Split('+'))
        {
            var partText = raw.Trim();
            if (partText.Length == 0)
            {
                error = $"\"{text}\" has an empty part: put an attribute on each side of \"+\".";
                return false;
            }
            var pieces = partText.Split('.');
            var attribute = pieces[0].Trim();
            if (!MatchAttributes.IsKnown(attribute))
            {
                error = $"Unknown attribute \"{attribute}\" in \"{text}\": use one of {string.Join(", ", MatchAttributes.All)}.";
                return false;
            }
            var functions = new List<BlockingKeyFunction>();
            foreach (var piece in pieces.Skip(1))
            {
                if (!BlockingKeyFunctions.TryParse(piece.Trim().ToLowerInvariant(), out var function, out var functionError))
                {
                    error = $"In \"{text}\": {functionError}";
                    return false;
                }
                functions.Add(function!);
            }
            parts.Add(new BlockingKeyPart(attribute, functions));
        }
        expression = new BlockingKeyExpression(text.Trim(), parts);
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws a <see cref="FormatException"/> with the reason.</summary>
    public static BlockingKeyExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    public override string ToString() => string.Join('+', Parts);
}
