using CrmGovernance.Core.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmGovernance.Core.Tests.Scheduling;

public sealed class StartupRetryTests
{
    [Fact]
    public async Task Work_that_finds_the_database_busy_is_tried_again_until_it_succeeds()
    {
        var attempts = 0;

        var result = await StartupRetry.UntilDoneAsync(_ =>
        {
            attempts++;
            return attempts < 3 ? throw new SqliteException("database is locked", 5) : Task.FromResult(42);
        }, NullLogger.Instance, "Recovering", CancellationToken.None);

        Assert.Equal((42, 3), (result, attempts));
    }

    [Fact]
    public async Task Stopping_the_portal_ends_the_retries()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StartupRetry.UntilDoneAsync(
            _ => throw new SqliteException("database is locked", 5), NullLogger.Instance, "Recovering", stopping.Token));
    }
}
