namespace CrmGovernance.Core.Features.Audit;

/// <summary>The result of one walk over the audit chain.</summary>
public sealed class AuditVerification
{
    public Guid Id { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime CompletedUtc { get; set; }
    public string Trigger { get; set; } = "";
    public long RowsChecked { get; set; }
    public bool IsIntact { get; set; }
    public long? FirstBrokenSequence { get; set; }
    public string? Problem { get; set; }
    public long HeadSequence { get; set; }
    public string HeadHash { get; set; } = "";
}
