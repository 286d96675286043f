namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>A record a run could not write (or a rule holds), for <see cref="ErrorQueueWriter.QueueAsync"/>.</summary>
internal readonly record struct FailedRecord(string SourceId, ErrorKind Kind, string? Reason, string Payload);
