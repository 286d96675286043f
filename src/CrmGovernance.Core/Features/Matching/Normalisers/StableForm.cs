namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Repeats one normalising pass until the value stops changing (at most a few passes): hostile input that one pass
/// leaves half-cleaned still ends in a form that normalising again keeps.
/// </summary>
internal static class StableForm
{
    public static string? Of(string? value, Func<string?, string?> pass)
    {
        var current = pass(value);
        for (var i = 0; i < 4 && current is not null; i++)
        {
            var next = pass(current);
            if (next == current)
            {
                break;
            }
            current = next;
        }
        return current;
    }
}
