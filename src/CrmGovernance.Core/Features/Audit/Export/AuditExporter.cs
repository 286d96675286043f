using System.Diagnostics;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// Exports the filtered audit log to Excel: a cover (filters, who, when, counts, the chain's verification and head hash),
/// then one row per changed field. Small exports are a styled ClosedXML workbook; larger ones are streamed, never holding
/// the workbook in memory. Every export is itself an audit event.
/// </summary>
public sealed class AuditExporter(
    IDbContextFactory<CrmDbContext> contexts, AuditChainVerifier verifier, IAuditTrail trail, ActorContext actor, TimeProvider clock,
    PublishedConfiguration published)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Writes the entries matching <paramref name="filter"/> with a sequence up to the head at start, in sequence order,
    /// as .xlsx to <paramref name="output"/> (written synchronously, as it comes; a file is best), and records an
    /// <see cref="AuditActions.AuditExported"/> event. The chain is verified up to that head while the rows are written.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The actor is neither Admin, Auditor nor a system actor.</exception>
    public async Task<AuditExportResult> ExportAsync(AuditLogFilter filter, Stream output, AuditExportOptions options,
        IProgress<AuditExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SheetRowLimit, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.SheetRowLimit, 1_048_576, nameof(options));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var exportedUtc = clock.GetUtcNow().UtcDateTime;
        var labels = await db.ChangeRequests.AsNoTracking().Select(c => new { c.Id, c.Number })
            .ToDictionaryAsync(c => c.Id, c => ChangeRequest.LabelOf(c.Number), cancellationToken);
        var names = await AuditNames.ForExportAsync(db, labels, (await published.CurrentAsync(cancellationToken)).Configuration, cancellationToken);
        var selection = await AuditLogQuery.ResolveAsync(db, filter, head, cancellationToken);
        var total = await AuditLogQuery.CountAsync(db, selection, cancellationToken);
        // The filter's rows after a sequence, for keyset batches: the selection's range starts there.
        IQueryable<AuditEntry> RowsAfter(long sequence) =>
            (selection with { First = Math.Max(selection.First, sequence + 1) }).Apply(db).AsNoTracking();
        var headHash = head == 0 ? AuditHasher.GenesisHash
            : await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == head).Select(e => e.Hash).SingleAsync(cancellationToken);
        var described = AuditExportFilterText.Describe(filter, AuditSheetRow.Label(filter.ChangeRequestId, labels));
        var meter = new ProgressMeter(progress, total);
        progress?.Report(new AuditExportProgress(0, total));

        // A large export of the whole log reads the whole chain anyway: it is verified on the way, read once. Otherwise
        // the verification walks the chain on a thread and context of its own while the rows are written.
        var walk = total > options.StyledRowLimit && AuditExportFilterText.IsEmpty(filter)
            ? await verifier.StartWalkAsync(db, head, cancellationToken)
            : null;
        using var stopVerification = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var verification = walk is null
            ? Task.Run(() => verifier.VerifyAsync(upToSequence: head, cancellationToken: stopVerification.Token), stopVerification.Token)
            : null;
        try
        {
            using var workbook = await WriteRowsAsync(RowsAfter, total, output, options, labels, names, meter, walk, cancellationToken);
            meter.Done();
            var chain = walk?.Finish() ?? await verification!;
            workbook.Finish(new AuditExportCover(described, options.ExportedBy, exportedUtc, meter.Entries, workbook.Rows,
                meter.First, meter.Last, chain, head, headHash, workbook.CutValues, workbook.Sheets));
            cancellationToken.ThrowIfCancellationRequested();

            // The file is written: record it even if the caller gives up from here on.
            await trail.RecordAsync(AuditActions.AuditExported, "AuditLog", null, new
            {
                filter = AuditExportFilterText.Summary(described),
                entries = meter.Entries,
                rows = workbook.Rows,
                sheets = workbook.Sheets.Count,
                streamed = workbook.Streamed,
                headSequence = head,
            }, cancellationToken: CancellationToken.None);
            return new AuditExportResult(meter.Entries, workbook.Rows, workbook.Sheets.Count, workbook.Streamed, chain, head, headHash)
            {
                SheetNames = workbook.Sheets,
                CutValues = workbook.CutValues,
            };
        }
        finally
        {
            await stopVerification.CancelAsync();
            if (verification is not null)
            {
                // Never left running on a context that is going away; its failure, if any, was reported above or is moot.
                await Task.WhenAny(verification);
                _ = verification.Exception;
            }
        }
    }

    /// <summary>Audit rows matching the filter (the number of entries an export of it would write now).</summary>
    public async Task<long> CountAsync(AuditLogFilter filter, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await AuditLogQuery.CountAsync(db, filter, null, cancellationToken);
    }

    /// <summary>
    /// Up to the styled limit of entries they are loaded, and their sheet rows decide between a styled and a streamed
    /// workbook (also streamed: values the styled writer cannot carry exactly); beyond it, entries are read in batches
    /// and streamed as they come.
    /// </summary>
    private static async Task<IAuditWorkbook> WriteRowsAsync(Func<long, IQueryable<AuditEntry>> rowsAfter, long total, Stream output, AuditExportOptions options,
        IReadOnlyDictionary<Guid, string> labels, AuditNames names, ProgressMeter meter, AuditChainWalk? walk, CancellationToken cancellationToken)
    {
        if (total <= options.StyledRowLimit)
        {
            var entries = await rowsAfter(0).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            var rows = entries.SelectMany(e => AuditSheetRow.Of(e, labels, names)).ToList();
            IAuditWorkbook loaded = rows.Count <= options.StyledRowLimit && rows.All(StyledAuditWorkbook.CanHold)
                ? new StyledAuditWorkbook(output, options.SheetRowLimit)
                : new StreamedAuditWorkbook(output, options.SheetRowLimit);
            try
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    if (i % 1_000 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    loaded.Add(rows[i]);
                }
                meter.Add(entries);
                return loaded;
            }
            catch
            {
                loaded.Dispose();
                throw;
            }
        }

        var workbook = new StreamedAuditWorkbook(output, options.SheetRowLimit);
        try
        {
            await using var batches = new AuditEntryBatches(rowsAfter, walk is null ? null : walk.Add, cancellationToken);
            await foreach (var batch in batches.ReadAllAsync(cancellationToken))
            {
                foreach (var entry in batch)
                {
                    foreach (var row in AuditSheetRow.Of(entry, labels, names))
                    {
                        workbook.Add(row);
                    }
                }
                meter.Add(batch);
            }
            return workbook;
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    private void EnsureMayExport() => actor.Ensure(Capability.ExportAudit);

    /// <summary>
    /// Counts entries written and their sequence range; reports progress at most every half second (besides the start and the end),
    /// so a job can store each report.
    /// </summary>
    private sealed class ProgressMeter(IProgress<AuditExportProgress>? progress, long total)
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public long Entries { get; private set; }
        public long? First { get; private set; }
        public long? Last { get; private set; }

        public void Add(List<AuditEntry> batch)
        {
            if (batch.Count == 0)
            {
                return;
            }
            First ??= batch[0].Sequence;
            Last = batch[^1].Sequence;
            Entries += batch.Count;
            if (progress is not null && _since.Elapsed >= ProgressInterval)
            {
                progress.Report(new AuditExportProgress(Entries, total));
                _since.Restart();
            }
        }

        public void Done() => progress?.Report(new AuditExportProgress(Entries, total));
    }
}
