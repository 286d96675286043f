using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// The benchmark's SQLite source and CRM tables, and realistic people: varied names, unique emails with case and space
/// noise, GB phones in six formats (a tenth missing), companies, long job titles, country and lead-source spellings.
/// </summary>
internal static class PeopleGenerator
{
    private static readonly string[] FirstNames =
        ["Olivia", "amelia", "ISLA", "Ava", "mia", "Ivy", "Lily", "Freya", "Grace", "Sophia", "Noah", "oliver", "GEORGE", "Arthur", "Leo",
         "Muhammad", "Harry", "oscar", "Archie", "Henry", "Siobhan", "Aoife", "Priya", "Wei", "Kofi", "José", "Zoë", "Björn", "Mary Ann", "Jean-Luc"];
    private static readonly string[] LastNames =
        ["Smith", "JONES", "williams", "Taylor", "Brown", "Davies", "Evans", "wilson", "Thomas", "Johnson", "Roberts", "Robinson", "O'Brien",
         "McDonald", "van der Berg", "Patel", "Khan", "Nguyen", "Okafor", "Müller", "García", "Kowalski", "Murphy", "Kelly", "Singh", "Chen"];
    private static readonly string[] Companies =
        ["Acme Ltd", "Globex plc ", " Initech", "Umbrella Group", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Imports",
         "Soylent Foods", "Tyrell Corp", "Cyberdyne Systems", "Wonka Industries", "Aperture Labs", "Black Mesa", "Northwind Traders"];
    private static readonly string[] JobTitles =
        ["Head of  Marketing", "CRM Manager", "sales director", "Chief Revenue Officer", "Marketing Operations Lead",
         "Senior Vice President, Global Customer Experience and Digital Transformation Programmes", "Data  Steward", "Founder & CEO"];
    private static readonly string[] Countries = ["UK", "United Kingdom", "GB", " Great Britain", "Ireland ", "France", "Germany", "USA", "united states", "Narnia"];
    private static readonly string[] Cities = ["london", "MANCHESTER", " leeds", "Bristol ", "glasgow", "Cardiff", "belfast", "Dublin", "Paris", "berlin"];
    private static readonly string[] LeadSources = ["Web", "web form", "WEBSITE", "Trade Show", "event", "Referral", "partner", "newsletter", ""];
    private static readonly string[] Parameters =
        ["$id", "$email", "$first", "$last", "$phone", "$company", "$title", "$country", "$city", "$lead", "$created", "$updated"];
    private static readonly string[] Domains = ["example.com", "Example.org", "mail.example.net", "EXAMPLE.CO.UK"];

    public static async Task CreateSourceAsync(string path) => await ExecuteAsync(path, """
        CREATE TABLE people (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT, company TEXT, job_title TEXT,
            country TEXT, city TEXT, lead_source TEXT, created_at TEXT, updated_at TEXT NOT NULL);
        CREATE INDEX people_changes ON people (updated_at, id);
        """);

    /// <summary>A CRM contacts table, with the index on email a CRM has for its lookups.</summary>
    public static async Task CreateCrmAsync(string path) => await ExecuteAsync(path, """
        CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT, company TEXT, job_title TEXT,
            country TEXT, city TEXT, lead_source TEXT, lifecycle_stage TEXT, updated_at TEXT);
        CREATE INDEX contacts_email ON contacts (email);
        """);

    /// <summary>Adds <paramref name="count"/> people in one transaction; <paramref name="invalidPercent"/> of them have an email the CRM rejects.</summary>
    public static async Task AddPeopleAsync(string path, int count, int invalidPercent)
    {
        var random = new Random(20261126);
        var c = CultureInfo.InvariantCulture;
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO people (id, email, first_name, last_name, phone, company, job_title, country, city, lead_source, created_at, updated_at)
            VALUES ($id, $email, $first, $last, $phone, $company, $title, $country, $city, $lead, $created, $updated)
            """;
        var p = Parameters.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var first = Pick(random, FirstNames);
            var last = Pick(random, LastNames);
            var local = string.Create(c, $"{first}.{last}.{i}").Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            var email = random.Next(100) < invalidPercent ? string.Create(c, $"{local} at nowhere") : $"{local}@{Pick(random, Domains)}";
            p[0].Value = string.Create(c, $"P-{i:D7}");
            p[1].Value = random.Next(10) switch { 0 => " " + email.ToUpperInvariant(), 1 => email + "  ", 2 => email.ToLowerInvariant(), _ => email };
            p[2].Value = random.Next(8) == 0 ? "  " + first.ToLowerInvariant() + " " : first;
            p[3].Value = random.Next(8) == 0 ? last.ToUpperInvariant() : last;
            p[4].Value = Phone(random) ?? (object)DBNull.Value;
            p[5].Value = Pick(random, Companies);
            p[6].Value = Pick(random, JobTitles);
            p[7].Value = Pick(random, Countries);
            p[8].Value = Pick(random, Cities);
            p[9].Value = Pick(random, LeadSources);
            var updated = start.AddSeconds(i);
            p[10].Value = updated.AddDays(-random.Next(400)).ToString("o", c);
            p[11].Value = updated.ToString("o", c);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Marks every person changed (a full resync: the values stay the same).</summary>
    public static Task TouchAllAsync(string path) =>
        ExecuteAsync(path, "UPDATE people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+1 year')");

    public static async Task<long> CountAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The benchmark's own statements.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>A GB number in one of six common spellings; a tenth of people have none.</summary>
    private static string? Phone(Random random)
    {
        var c = CultureInfo.InvariantCulture;
        var landline = random.Next(10_000);
        // 07911 0xxxxx: a block libphonenumber knows as valid mobile numbers (not every 07911 block is).
        var mobile = random.Next(50_000);
        return random.Next(10) switch
        {
            0 => null,
            1 => string.Create(c, $"020 7946 {landline:D4}"),
            2 => string.Create(c, $"+44 20 7946 {landline:D4}"),
            3 => string.Create(c, $"(0161) 496 {landline:D4}"),
            4 => string.Create(c, $"+447911{mobile:D6}"),
            5 => string.Create(c, $"0044 7911 {mobile:D6}"),
            _ => string.Create(c, $"07911 {mobile:D6}"),
        };
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
