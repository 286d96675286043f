using System.Globalization;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>
/// When a field's values last changed, as far as the assessments of its system's object tell (each keeps a signature
/// of the field's values): between two assessments, not since the earliest of several, or not known yet.
/// </summary>
public sealed record FieldLastChange(FieldChangeKnowledge Knowledge, DateTime? After, DateTime? By, int Assessments)
{
    public static readonly FieldLastChange NotAssessed = new(FieldChangeKnowledge.NotAssessed, null, null, 0);

    /// <summary>Newest first: each assessment's finish time and its signature of the field (null: not measured then).</summary>
    public static FieldLastChange From(IReadOnlyList<(DateTime Finished, long? Signature)> history)
    {
        if (history.Count == 0 || history[0].Signature is null)
        {
            return NotAssessed;
        }
        var count = 1;
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].Signature is not { } older)
            {
                break;
            }
            if (older != history[i - 1].Signature)
            {
                return new(FieldChangeKnowledge.ChangedBetween, history[i].Finished, history[i - 1].Finished, i + 1);
            }
            count++;
        }
        return count == 1
            ? new(FieldChangeKnowledge.OneAssessment, null, history[0].Finished, 1)
            : new(FieldChangeKnowledge.UnchangedSince, history[count - 1].Finished, history[0].Finished, count);
    }

    public string Text => Knowledge switch
    {
        FieldChangeKnowledge.ChangedBetween => $"between {Day(After)} and {Day(By)}",
        FieldChangeKnowledge.UnchangedSince => $"not since {Day(After)} ({Assessments} assessments)",
        FieldChangeKnowledge.OneAssessment => $"one assessment only ({Day(By)}): assess again to know",
        _ => "not assessed",
    };

    private static string Day(DateTime? utc) => utc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";
}

public enum FieldChangeKnowledge { NotAssessed, OneAssessment, ChangedBetween, UnchangedSince }
