using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>The key, and rows sealed before keying began (a database from before this version).</summary>
public sealed class AuditChainKeyingTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Rows_sealed_before_keying_still_verify_and_the_first_checkpoint_pins_where_keying_began()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, null, 5, i => AuditRowSeeder.Synthetic(i, Start));
        await host.CreateUserAsync("grace@example.com");

        var result = await VerifyAsync(host);

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(6, result.HeadSequence);
        var checkpoint = Assert.Single((await host.Witness.ReadAsync()).Checkpoints);
        Assert.Equal((6L, 6L), (checkpoint.Sequence, checkpoint.KeyedFrom));
    }

    [Fact]
    public async Task Keyed_rows_rewritten_as_unkeyed_cannot_pass_for_rows_sealed_before_keying()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, null, 5, i => AuditRowSeeder.Synthetic(i, Start));
        await host.CreateUserAsync("grace@example.com");
        await host.CreateUserAsync("linus@example.com");
        await VerifyAsync(host);
        using var copy = TamperedCopy.Of(host, host.ChainKey);
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync("""UPDATE "AuditEntries" SET "ActorName" = 'nobody' WHERE "Sequence" = 7""");
        await copy.Tamper.RehashAsync(6, AuditTamper.Unkeyed);
        await copy.Tamper.UpdateVerificationHeadAsync();

        var result = await copy.Verification(host.Clock).VerifyAndRecordAsync("tamper test");

        Assert.False(result.IsIntact);
        Assert.Equal(6, result.FirstBrokenSequence);
        Assert.Contains("keyed from row 6 (pinned by the witness)", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_of_unkeyed_rows_only_is_keyed_from_the_next_row_so_a_forged_unkeyed_row_is_caught()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, null, 5, i => AuditRowSeeder.Synthetic(i, Start));
        Assert.True((await VerifyAsync(host)).IsIntact);
        using var copy = TamperedCopy.Of(host, host.ChainKey);
        await copy.Tamper.AppendForgedAsync(1, AuditTamper.Unkeyed);

        var result = await copy.Verification(host.Clock).VerifyAndRecordAsync("tamper test");

        Assert.Equal(6L, Assert.Single((await copy.Witness.ReadAsync()).Checkpoints).KeyedFrom);
        Assert.False(result.IsIntact);
        Assert.Contains("Row 6 carries an unkeyed hash, but the chain is keyed from row 6", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_key_is_readable_by_its_owner_only_and_kept_outside_the_database()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");

        var key = host.ChainKey;

        Assert.True(key.Generated);
        var path = key.Origin["file ".Length..];
        Assert.Equal(Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "chain-key", AuditChainKey.GeneratedFileName), path);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
        var secret = (await File.ReadAllTextAsync(path)).Trim();
        Assert.Equal(0L, await TestSql.ScalarAsync(host.Provider, host.ConnectionString,
            """SELECT COUNT(*) FROM "AuditEntries" WHERE "Changes" LIKE '%' || @s || '%'""", ("s", secret)));
        Assert.Equal(key.Id, AuditChainKey.FromFile(path).Id);
    }

    [Fact]
    public void A_configured_key_file_that_does_not_exist_is_refused_with_how_to_make_one()
    {
        var root = Path.GetTempPath();

        var error = Assert.Throws<InvalidOperationException>(() =>
            AuditChainKey.Load(new AuditChainOptions { KeyFile = "no-such-folder/audit.key" }, root, root));

        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var variable = "CRMGOV_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(new byte[16]));
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                AuditChainKey.Load(new AuditChainOptions { KeyVariable = variable }, Path.GetTempPath(), Path.GetTempPath()));
            Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_chain_checked_with_another_key_says_the_key_changed()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        await VerifyAsync(host);
        var otherKey = AuditChainKey.FromBytes(new byte[32], "test");
        using var copy = TamperedCopy.Of(host, otherKey);

        var result = await copy.Verification(host.Clock).VerifyAndRecordAsync("other key");

        Assert.False(result.IsIntact);
        Assert.Contains("is signed with another key", result.Problem, StringComparison.Ordinal);
    }

    private static async Task<AuditVerification> VerifyAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("test");
    }
}
