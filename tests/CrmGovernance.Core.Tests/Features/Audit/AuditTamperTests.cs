using System.Security.Cryptography;
using System.Text.Json;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// Issue 12, finding 9: what an administrator of the database can do to the audit trail, each on a copy of the same
/// intact chain, with the append-only triggers dropped first. Every tamper must fail verification with a message
/// saying what was found. The administrator has the database, not the key nor the witness.
/// </summary>
public sealed class AuditTamperTests(TamperedChainFixture chain) : IClassFixture<TamperedChainFixture>
{
    private static readonly byte[] GuessedKey = RandomNumberGenerator.GetBytes(32);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_untouched_copy_verifies()
    {
        using var copy = chain.Copy();

        var result = await VerifyAsync(copy);

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(chain.Head, result.HeadSequence);
    }

    [Fact]
    public async Task A_changed_value_left_with_its_old_hash_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("UPDATE \"AuditEntries\" SET \"Changes\" = '{\"from\":\"somewhere else\"}' WHERE \"Sequence\" = 5");

        await AssertDetectedAsync(copy, 5, "changed after it was written");
    }

    [Fact]
    public async Task A_changed_value_rehashed_with_the_old_unkeyed_algorithm_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("UPDATE \"AuditEntries\" SET \"Changes\" = '{\"from\":\"somewhere else\"}' WHERE \"Sequence\" = 5");
        await copy.Tamper.RehashAsync(5, AuditTamper.Unkeyed);

        await AssertDetectedAsync(copy, 5, "carries an unkeyed hash");
    }

    [Fact]
    public async Task A_changed_value_rehashed_with_a_guessed_key_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("UPDATE \"AuditEntries\" SET \"Changes\" = '{\"from\":\"somewhere else\"}' WHERE \"Sequence\" = 5");
        await copy.Tamper.RehashAsync(5, Guessed);

        await AssertDetectedAsync(copy, 5, "changed after it was written");
    }

    /// <summary>Passed before the chain was keyed: the recorded verification's head was the only anchor, and it lives in the same file.</summary>
    [Fact]
    public async Task A_rewrite_with_the_verification_head_updated_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'nobody', \"ActorId\" = NULL WHERE \"Sequence\" = 4");
        await copy.Tamper.RehashAsync(4, AuditTamper.Unkeyed);
        await copy.Tamper.UpdateVerificationHeadAsync();

        await AssertDetectedAsync(copy, 4, "carries an unkeyed hash");
    }

    /// <summary>Only the witness can tell a fully rewritten chain from one written before keying began.</summary>
    [Fact]
    public async Task The_whole_chain_rewritten_without_the_key_cannot_pass_for_one_sealed_before_keying()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'nobody' WHERE \"Sequence\" = 2");
        await copy.Tamper.RehashAsync(1, AuditTamper.Unkeyed);
        await copy.Tamper.UpdateVerificationHeadAsync();

        await AssertDetectedAsync(copy, 1, "(pinned by the witness)");
    }

    /// <summary>Passed before: with the recorded verifications gone, nothing remembered how long the chain had been.</summary>
    [Fact]
    public async Task A_truncated_tail_with_its_verifications_deleted_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {chain.LastCheckpoint - 2}; DELETE FROM \"AuditVerifications\";");

        var result = await AssertDetectedAsync(copy, chain.LastCheckpoint - 1, "the witness holds a checkpoint of row " + chain.LastCheckpoint);

        Assert.Contains("removed from the end", result.Problem, StringComparison.Ordinal);
    }

    /// <summary>Passed before: anyone could compute the next row's hash.</summary>
    [Fact]
    public async Task Forged_rows_appended_are_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.AppendForgedAsync(2, AuditTamper.Unkeyed);

        await AssertDetectedAsync(copy, chain.Head + 1, "carries an unkeyed hash");
    }

    [Fact]
    public async Task Forged_rows_appended_with_a_guessed_key_are_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.AppendForgedAsync(1, Guessed);

        await AssertDetectedAsync(copy, chain.Head + 1, "changed after it was written");
    }

    /// <summary>Passed before: renumbered and rehashed, the shorter chain was consistent, and its new head recorded.</summary>
    [Fact]
    public async Task A_deleted_row_with_later_rows_renumbered_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("""
            DELETE FROM "AuditEntries" WHERE "Sequence" = 3;
            UPDATE "AuditEntries" SET "Sequence" = -("Sequence" - 1) WHERE "Sequence" > 3;
            UPDATE "AuditEntries" SET "Sequence" = -"Sequence" WHERE "Sequence" < 0;
            """);
        await copy.Tamper.RehashAsync(3, AuditTamper.Unkeyed);
        await copy.Tamper.UpdateVerificationHeadAsync();

        await AssertDetectedAsync(copy, 3, "carries an unkeyed hash");
    }

    [Fact]
    public async Task A_deleted_row_with_later_rows_renumbered_and_rehashed_with_a_guessed_key_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("""
            DELETE FROM "AuditEntries" WHERE "Sequence" = 3;
            UPDATE "AuditEntries" SET "Sequence" = -("Sequence" - 1) WHERE "Sequence" > 3;
            UPDATE "AuditEntries" SET "Sequence" = -"Sequence" WHERE "Sequence" < 0;
            """);
        await copy.Tamper.RehashAsync(3, Guessed);

        await AssertDetectedAsync(copy, 3, "changed after it was written");
    }

    [Fact]
    public async Task A_row_deleted_from_the_middle_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 6");

        await AssertDetectedAsync(copy, 7, "Row 6 is missing");
    }

    /// <summary>Passed before: nothing looked at the schema, so the chain verified while the database accepted any edit.</summary>
    [Fact]
    public async Task Dropped_append_only_triggers_are_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();

        var result = await VerifyAsync(copy);

        Assert.False(result.IsIntact);
        Assert.Null(result.FirstBrokenSequence);
        Assert.Contains("append-only triggers were tampered with (missing: AuditEntries_NoUpdate, AuditEntries_NoDelete)", result.Problem, StringComparison.Ordinal);
        Assert.NotNull(await copy.Triggers.ProblemAsync());
    }

    /// <summary>PostgreSQL's owner need not drop the triggers: disabled, they are still there and refuse nothing.</summary>
    [PostgresOnlyFact]
    public async Task Disabled_append_only_triggers_are_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.ExecuteAsync("""ALTER TABLE "AuditEntries" DISABLE TRIGGER USER;""");

        var result = await VerifyAsync(copy);

        Assert.False(result.IsIntact);
        Assert.Contains("altered: AuditEntries_NoUpdate, AuditEntries_NoDelete, AuditEntries_NoTruncate", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trigger_replaced_by_a_harmless_one_of_the_same_name_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.ExecuteAsync(copy.Tamper.Provider == DatabaseProvider.Postgres
            ? """
              DROP TRIGGER "AuditEntries_NoUpdate" ON "AuditEntries";
              CREATE FUNCTION harmless() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
              CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION harmless();
              """
            : "DROP TRIGGER AuditEntries_NoUpdate; CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT 1; END;");

        var result = await VerifyAsync(copy);

        Assert.False(result.IsIntact);
        Assert.Contains("altered: AuditEntries_NoUpdate", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_swapped_rows_rehashed_with_a_guessed_key_are_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        const string columns = "TimeUtc, ActorId, ActorName, Action, EntityType, EntityId, Changes, CorrelationId, Source";
        var set = string.Join(", ", columns.Split(", ").Select(c => $"\"{c}\" = s.\"{c}\""));
        await copy.Tamper.ExecuteAsync($"""
            CREATE TEMP TABLE s AS SELECT * FROM "AuditEntries" WHERE "Sequence" IN (5, 6);
            UPDATE "AuditEntries" SET {set} FROM s WHERE "AuditEntries"."Sequence" IN (5, 6) AND s."Sequence" = 11 - "AuditEntries"."Sequence";
            """);
        await copy.Tamper.RehashAsync(5, Guessed);

        await AssertDetectedAsync(copy, 5, "changed after it was written");
    }

    [Fact]
    public async Task A_changed_timestamp_rehashed_with_the_old_algorithm_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"TimeUtc\" = {copy.Tamper.TimeLiteral(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc))} WHERE \"Sequence\" = 7");
        await copy.Tamper.RehashAsync(7, AuditTamper.Unkeyed);

        await AssertDetectedAsync(copy, 7, "carries an unkeyed hash");
    }

    [Fact]
    public async Task A_changed_actor_left_with_its_old_hash_is_detected()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'grace@example.com' WHERE \"Sequence\" = 8");

        await AssertDetectedAsync(copy, 8, "changed after it was written");
    }

    [Fact]
    public async Task A_forged_witness_line_is_detected()
    {
        using var copy = chain.Copy();
        var forged = new AuditCheckpoint(chain.Head, new string('a', 64), DateTime.UtcNow, 1, chain.Host.ChainKey.Id, new string('b', 64));
        await File.AppendAllTextAsync(copy.WitnessPath, JsonSerializer.Serialize(forged, Json) + "\n");

        var result = await VerifyAsync(copy);

        Assert.False(result.IsIntact);
        Assert.Contains("does not carry a valid signature", result.Problem, StringComparison.Ordinal);
    }

    private static string Guessed(AuditEntry row, string previous) => AuditHasher.ComputeKeyed(row, previous, GuessedKey);

    private async Task<AuditVerification> VerifyAsync(TamperedCopy copy) =>
        await copy.Verification(chain.Host.Clock).VerifyAndRecordAsync("tamper test");

    private async Task<AuditVerification> AssertDetectedAsync(TamperedCopy copy, long firstBroken, string problem)
    {
        var result = await VerifyAsync(copy);
        Assert.False(result.IsIntact, "the tamper went unnoticed");
        Assert.Equal(firstBroken, result.FirstBrokenSequence);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
        return result;
    }
}
