using System.Globalization;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>A draft set of configuration edits with a title and a reason, reviewed by someone other than its author.</summary>
public sealed class ChangeRequest
{
    public Guid Id { get; set; }

    /// <summary>Human-friendly number, "CR-12".</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";
    public string Reason { get; set; } = "";
    public ChangeRequestStatus Status { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecisionComment { get; set; }

    /// <summary>The configuration version this request's approval published.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>For a rollback: the version it restores.</summary>
    public int? RestoresVersion { get; set; }

    public List<ChangeRequestItem> Items { get; set; } = [];

    public string Label => LabelOf(Number);

    /// <summary>The label of request number <paramref name="number"/>: "CR-12".</summary>
    public static string LabelOf(int number) => "CR-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a request number from its label or the bare number: "CR-12", "cr-12" or "12".</summary>
    public static bool TryParseLabel(string text, out int number)
    {
        var digits = text.StartsWith("CR-", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
