using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A batch's outcomes as the run recorder writes them (a statement per row on SQLite, one COPY stream on PostgreSQL):
/// every value comes back as it was given, and they belong to the recorder's transaction.
/// </summary>
public sealed class OutcomeRecordingTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, 123, DateTimeKind.Utc);

    private static List<RecordResult> Batch() =>
    [
        new()
        {
            SourceId = "web-1", TargetId = "crm-1", Outcome = OutcomeKind.Updated, Reason = "Zoë's address changed: Straße 5 → 7",
            BeforeJson = """{"city":"Köln"}""", AfterJson = """{"city":"Bonn"}""", PayloadJson = "{}", Match = MatchKind.Fuzzy, MatchScore = 0.9375,
            InboxId = 42, SourceCreatedUtc = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Unspecified),
        },
        new() { SourceId = "web-2", Outcome = OutcomeKind.Rejected, Reason = new string('x', 5000), PayloadJson = "{}" },
        new() { SourceId = "web-3", TargetId = "crm-3", Outcome = OutcomeKind.Unchanged, PayloadJson = "{}", Match = MatchKind.Linked },
    ];

    private static async Task RecordAsync(CoreTestHost host, IReadOnlyList<RecordResult> records, bool commit)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var sql = new BatchSql(db.Database.Dialect(), db.Database.GetDbConnection(), transaction.GetDbTransaction());
        await sql.InsertOutcomesAsync(7, records, Now, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
    }

    private static async Task<List<RecordOutcome>> OutcomesAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().RecordOutcomes.AsNoTracking().OrderBy(o => o.SourceId).ToListAsync();
    }

    [Fact]
    public async Task Every_value_of_a_recorded_outcome_comes_back_as_given_and_a_long_reason_is_cut_at_4000_characters()
    {
        await using var host = await CoreTestHost.StartAsync();

        await RecordAsync(host, Batch(), commit: true);

        var rows = await OutcomesAsync(host);
        Assert.Equal(["web-1", "web-2", "web-3"], rows.Select(r => r.SourceId));
        var updated = rows[0];
        Assert.Equal((7L, "crm-1", OutcomeKind.Updated, "Zoë's address changed: Straße 5 → 7"), (updated.RunId, updated.TargetId, updated.Outcome, updated.Reason));
        Assert.Equal(("""{"city":"Köln"}""", """{"city":"Bonn"}""", 0.9375, 42L, "Fuzzy"), (updated.BeforeJson, updated.AfterJson, updated.MatchScore, updated.InboxId, updated.Match));
        Assert.Equal(Now, DateTime.SpecifyKind(updated.AtUtc, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0), DateTime.SpecifyKind(updated.SourceCreatedUtc!.Value, DateTimeKind.Unspecified));
        Assert.Equal((4000, (string?)null, (double?)null, (long?)null, (string?)null), (rows[1].Reason!.Length, rows[1].TargetId, rows[1].MatchScore, rows[1].InboxId, rows[1].Match));
        Assert.Equal((OutcomeKind.Unchanged, "Linked", (string?)null, (DateTime?)null), (rows[2].Outcome, rows[2].Match, rows[2].Reason, rows[2].SourceCreatedUtc));
    }

    [Fact]
    public async Task Outcomes_of_a_batch_whose_transaction_never_commits_are_not_kept_and_the_batch_recorded_again_is_there_once()
    {
        await using var host = await CoreTestHost.StartAsync();
        var many = Enumerable.Range(1, 1_200).Select(i => new RecordResult { SourceId = $"web-{i:D5}", Outcome = OutcomeKind.Created, PayloadJson = "{}" }).ToList();

        await RecordAsync(host, many, commit: false);
        Assert.Empty(await OutcomesAsync(host));

        await RecordAsync(host, many, commit: true);
        var rows = await OutcomesAsync(host);
        Assert.Equal(many.Select(r => r.SourceId), rows.Select(r => r.SourceId));
    }
}
