namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// How long a source record's id may be: the ledger, the crosswalk and the error queue keep ids in 200-character columns
/// (PostgreSQL refuses a longer value and would fail the whole batch; SQLite would keep it). A longer id rejects its
/// record alone, which is recorded under a cut form of the id; that form never fits again, so a replay rejects it too.
/// </summary>
public static class SourceIdLimit
{
    public const int MaxLength = 200;
    private const char CutMark = '…';

    public static bool Fits(string id) => id.Length < MaxLength || (id.Length == MaxLength && id[^1] != CutMark);

    /// <summary>The id as the ledger keeps it: itself when it fits, else its first characters and a mark that it was cut.</summary>
    public static string Stored(string id) => Fits(id) ? id : string.Concat(id.AsSpan(0, MaxLength - 1), CutMark.ToString());

    public static string Error(string id) =>
        $"The source id is {id.Length:N0} characters long; the portal keeps ids of at most {MaxLength:N0}. The record is listed under its first {MaxLength - 1:N0} characters.";
}
