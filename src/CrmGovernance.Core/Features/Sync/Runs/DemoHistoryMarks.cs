namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>
/// How a page recognises the demo's generated past (written by FirstRun's DemoHistory; kept here, with the runs, so that
/// the pages of Sync and Stewardship can read it without depending on FirstRun), so it can say so and offer no action on it: runs started by
/// <see cref="StartedBy"/>, duplicate scans requested by it, and record references that exist only in the
/// history (they begin with <see cref="RecordPrefix"/>: contacts the history created, merged or kept apart, which the
/// demo systems never held).
/// </summary>
public static class DemoHistoryMarks
{
    /// <summary>Who started every run and scan of the history.</summary>
    public const string StartedBy = "demo history";

    /// <summary>The start of every record id that exists only in the demo history ("history-C-50012").</summary>
    public const string RecordPrefix = "history-";

    /// <summary>What a page says about a generated run, scan or review item.</summary>
    public const string Notice = "Generated demo history: written at the demo's first start so the insights dashboard has a past. "
        + "It happened in no system; nothing here can be replayed, merged, sent or undone.";

    /// <summary>A run or scan of the history (its starter is <see cref="StartedBy"/>).</summary>
    public static bool IsHistory(string? startedBy) => string.Equals(startedBy, StartedBy, StringComparison.Ordinal);

    /// <summary>A record id that only the history knows.</summary>
    public static bool IsHistoryRecord(string? recordId) => recordId is not null && recordId.StartsWith(RecordPrefix, StringComparison.Ordinal);

    /// <summary>"history-C-50012" for the history's contact 50012.</summary>
    internal static string Record(string id) => RecordPrefix + id;
}
