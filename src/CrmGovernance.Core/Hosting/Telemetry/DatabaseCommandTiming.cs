using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>
/// Records every EF Core command's duration, as EF measured it, on <see cref="CrmTelemetry.DatabaseCommandDuration"/>.
/// Registered only when telemetry is on. The sync engine's raw batch statements do not pass through EF: their time is
/// the <c>record</c> phase of <c>crmgov.sync.batch.duration</c> (and, on PostgreSQL, Npgsql's own metrics).
/// </summary>
internal sealed class DatabaseCommandTiming(string system) : DbCommandInterceptor
{
    private readonly KeyValuePair<string, object?> _system = new("db.system", system);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record("reader", eventData.Duration, "ok");
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Record("reader", eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record("nonquery", eventData.Duration, "ok");
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record("nonquery", eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record("scalar", eventData.Duration, "ok");
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record("scalar", eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Record(eventData.ExecuteMethod.ToString().ToLowerInvariant(), eventData.Duration, "error");

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    private void Record(string operation, TimeSpan duration, string outcome) =>
        CrmTelemetry.DatabaseCommandDuration.Record(duration.TotalSeconds, _system, new("db.operation", operation), new("outcome", outcome));
}
