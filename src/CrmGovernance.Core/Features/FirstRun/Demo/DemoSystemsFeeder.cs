using System.Globalization;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// Keeps the live demo's shop and CRM moving, every <see cref="DemoOptions.ShopEverySeconds"/>: new orders (some large,
/// some from guests without an email), a refund, a shipment, an order touched without a change; every third round a deal
/// is lost in the CRM, every fourth one won, every seventh a new one opens. The flows pick these up on their schedule.
/// </summary>
internal sealed partial class DemoSystemsFeeder(IOptions<DemoOptions> demo, DemoPaths paths, DemoTimetable timetable, TimeProvider clock, ILogger<DemoSystemsFeeder> logger)
    : BackgroundService
{
    private readonly Random _random = new(DemoDataSet.Seed + 1);
    private int _round;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Value.IsLive)
        {
            return;
        }
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(demo.Value.ShopEverySeconds), clock, stoppingToken);
                await RoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        _round++;
        if (!File.Exists(paths.Shop) || !File.Exists(paths.Crm))
        {
            LogMissing(logger, paths.Folder);
            return;
        }
        try
        {
            // The demo's timetable stops the shop's feed for a while: its flow keeps running and reads nothing (a silent flow).
            var shop = timetable.ShopPaused(clock.GetUtcNow().UtcDateTime) ? "paused" : await ShopAsync(cancellationToken);
            var crm = await CrmAsync(cancellationToken);
            LogRound(logger, _round, shop, crm);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A locked database or a missing table (someone edited the demo by hand): skip the round; the demo must never stop the portal.
            LogFailed(logger, _round, e.Message);
        }
    }

    private async Task<string> ShopAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DemoSqlite.OpenAsync(paths.Shop, create: false, cancellationToken);
        var emails = (await DemoSqlite.QueryAsync(connection, "SELECT email FROM customers WHERE email LIKE '%@%'", cancellationToken)).Select(r => r[0]!).ToList();
        var open = await IdsAsync(connection, "SELECT id FROM orders WHERE lower(trim(status)) IN ('paid', 'shipped') AND total BETWEEN 0 AND 5000 AND customer_email LIKE '%_@_%._%'", cancellationToken);
        var paid = await IdsAsync(connection, "SELECT id FROM orders WHERE lower(trim(status)) = 'paid' AND total BETWEEN 0 AND 5000 AND customer_email LIKE '%_@_%._%'", cancellationToken);
        var next = int.Parse((await DemoSqlite.QueryAsync(connection, "SELECT coalesce(max(CAST(id AS INTEGER)), 0) + 1 FROM orders", cancellationToken))[0][0]!,
            CultureInfo.InvariantCulture);
        var now = ConnectorTime.UtcText(clock.GetUtcNow().UtcDateTime);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var added = _random.Next(1, 3);
        for (var i = 0; i < added; i++, next++)
        {
            var email = _random.Next(12) == 0 || emails.Count == 0 ? "" : DemoNoise.Email(emails[_random.Next(emails.Count)].Trim().ToLowerInvariant(), _random);
            var total = _random.Next(10) == 0 ? 5_200m + (_random.Next(0, 68) * 100m) : 12m + (_random.Next(0, 88_000) / 100m);
            await DemoSqlite.ExecuteAsync(connection, transaction,
                "INSERT INTO orders (id, order_id, customer_email, status, total, created_at, updated_at) VALUES ($id, $order, $email, 'paid', $total, $now, $now)",
                cancellationToken, ("$id", Text(next)), ("$order", "SO-" + Text(100_000 + next)), ("$email", email),
                ("$total", total.ToString("0.00", CultureInfo.InvariantCulture)), ("$now", now));
        }
        var refunded = await SetAsync(connection, transaction, "orders", open, "status = 'refunded', updated_at = $now", now, cancellationToken);
        var shipped = await SetAsync(connection, transaction, "orders", paid.Except([refunded]).ToList(), "status = 'shipped', updated_at = $now", now, cancellationToken);
        // An export job rewrote the row: a new updated_at, nothing else; the flow reads it and finds it unchanged.
        var touched = await SetAsync(connection, transaction, "orders", open.Except([refunded, shipped]).ToList(), "updated_at = $now", now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return $"{added} new order(s), refunded {refunded ?? "none"}, shipped {shipped ?? "none"}, touched {touched ?? "none"}";
    }

    private async Task<string> CrmAsync(CancellationToken cancellationToken)
    {
        var (lose, win, open) = (_round % 3 == 0, _round % 4 == 0, _round % 7 == 0);
        if (!lose && !win && !open)
        {
            return "no CRM change";
        }
        await using var connection = await DemoSqlite.OpenAsync(paths.Crm, create: false, cancellationToken);
        var deals = await IdsAsync(connection, "SELECT id FROM opportunities WHERE stage = 'open'", cancellationToken);
        var now = ConnectorTime.UtcText(clock.GetUtcNow().UtcDateTime);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var lost = lose ? await SetAsync(connection, transaction, "opportunities", deals, "stage = 'closed_lost', updated_at = $now", now, cancellationToken) : null;
        var won = win ? await SetAsync(connection, transaction, "opportunities", deals.Except([lost]).ToList(), "stage = 'won', updated_at = $now", now, cancellationToken) : null;
        string? opened = null;
        if (open)
        {
            var person = DemoPeople.Crm[_random.Next(DemoPeople.Crm.Count)];
            var number = int.Parse((await DemoSqlite.QueryAsync(connection, "SELECT count(*) + 1001 FROM opportunities", cancellationToken))[0][0]!, CultureInfo.InvariantCulture);
            opened = "OPP-" + Text(number);
            await DemoSqlite.ExecuteAsync(connection, transaction,
                "INSERT INTO opportunities (id, reference, name, contact_email, stage, amount, created_at, updated_at) VALUES ($id, $ref, $name, $email, 'open', $amount, $now, $now)",
                cancellationToken, ("$id", "O-" + Text(number)), ("$ref", opened), ("$name", $"{person.FirstName} {person.LastName} – {DemoNames.OpportunityProducts[_random.Next(DemoNames.OpportunityProducts.Length)]}"),
                ("$email", person.Email), ("$amount", Text(1_500 + (_random.Next(1, 470) * 125))), ("$now", now));
        }
        await transaction.CommitAsync(cancellationToken);
        return $"deal lost {lost ?? "none"}, won {won ?? "none"}, opened {opened ?? "none"}";
    }

    /// <summary>Applies the change to one of the rows chosen at random; returns its id, or null when there is none.</summary>
    private async Task<string?> SetAsync(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string?> ids, string assignments,
        string now, CancellationToken cancellationToken)
    {
        var candidates = ids.OfType<string>().ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var id = candidates[_random.Next(candidates.Count)];
        await DemoSqlite.ExecuteAsync(connection, transaction, $"UPDATE {table} SET {assignments} WHERE id = $id", cancellationToken, ("$id", id), ("$now", now));
        return id;
    }

    private static async Task<List<string?>> IdsAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken) =>
        (await DemoSqlite.QueryAsync(connection, sql, cancellationToken)).Select(r => r[0]).ToList();

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo round {Round}: shop {Shop}; CRM {Crm}")]
    private static partial void LogRound(ILogger logger, int round, string shop, string crm);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo round skipped: the demo databases are missing from {Folder} (they are created at start)")]
    private static partial void LogMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo round {Round} could not change the shop or the CRM: {Error}")]
    private static partial void LogFailed(ILogger logger, int round, string error);
}
