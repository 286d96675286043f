using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Features.Audit;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditLogSearchTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    // One value per row: row k (1-based after the seed) holds Values[k - 1].
    private static readonly string[] Values =
    [
        "Anna Bérg", "Berg, Anna", "Zoë Müller", "alpha", "beta", "=HYPERLINK(\"http://evil\")", "annabelle@example.com", "Order 12345 shipped",
    ];

    [Theory]
    [InlineData("anna berg", new[] { "Anna Bérg" })]
    [InlineData("ANNA BÉRG", new[] { "Anna Bérg" })]
    [InlineData("zoe muller", new[] { "Zoë Müller" })]
    [InlineData("ann", new[] { "Anna Bérg", "Berg, Anna", "annabelle@example.com" })]
    [InlineData("anna be", new[] { "Anna Bérg" })]
    [InlineData("berg anna", new[] { "Berg, Anna" })]
    [InlineData("order 1234", new[] { "Order 12345 shipped" })]
    [InlineData("hyperlink http", new[] { "=HYPERLINK(\"http://evil\")" })]
    public async Task Search_finds_words_ignoring_case_and_accents_with_the_last_word_as_a_prefix(string text, string[] expected)
    {
        await using var host = await SeededHostAsync();

        var page = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(Search: text), 0, 50);

        Assert.Equal(expected.Order(), page.Items.Select(ValueOf).Order());
        Assert.Equal(expected.Length, page.Total);
    }

    [Theory]
    [InlineData("alpha OR beta")]
    [InlineData("alpha NOT beta")]
    [InlineData("NEAR(alpha beta)")]
    [InlineData("\"alpha\" \"beta\"")]
    [InlineData("alpha* beta*")]
    [InlineData("^alpha + beta")]
    [InlineData("Body:alpha {Body}:beta")]
    [InlineData("alpha'); DELETE FROM AuditEntries; -- beta")]
    public async Task Search_syntax_in_the_text_is_taken_as_plain_words_never_as_operators(string text)
    {
        await using var host = await SeededHostAsync();

        var page = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(Search: text), 0, 50);
        var all = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(), 0, 50);

        // As operators these would find "alpha" and/or "beta"; as a phrase of plain words no row holds them.
        Assert.Equal(0, page.Total);
        Assert.Equal(Values.Length, all.Total);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("( ) ^ : - + {}")]
    [InlineData("   ")]
    public async Task Search_text_without_words_does_not_filter(string text)
    {
        await using var host = await SeededHostAsync();

        var page = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(Search: text), 0, 50);

        Assert.Equal(Values.Length, page.Total);
    }

    [Fact]
    public void The_match_query_is_one_quoted_phrase_of_words_with_a_prefix_star()
    {
        Assert.Equal("\"anna BERG\"*", PortalDialects.Sqlite.AuditSearch.MatchQuery("  anna, \"BERG\"  "));
        Assert.Equal("\"x NEAR y\"*", PortalDialects.Sqlite.AuditSearch.MatchQuery("\"x\" NEAR(y*)"));
        Assert.Equal("\"zoë\"*", PortalDialects.Sqlite.AuditSearch.MatchQuery("zoe\u0308"));
        Assert.Null(PortalDialects.Sqlite.AuditSearch.MatchQuery("*^\"()"));
    }

    [Fact]
    public async Task Search_combines_with_other_filters()
    {
        await using var host = await SeededHostAsync();

        var page = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(Search: "anna", Action: AuditActions.Insert), 0, 50);

        Assert.Equal(["Berg, Anna"], page.Items.Select(ValueOf));
    }

    private static async Task<CoreTestHost> SeededHostAsync()
    {
        var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, Values.Length, i => new AuditEntry
        {
            TimeUtc = Start.AddSeconds(i), ActorName = "ada@example.com", Action = i % 2 == 0 ? AuditActions.Update : AuditActions.Insert,
            EntityType = "Contact", EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = AuditSources.Ui,
            Changes = System.Text.Json.JsonSerializer.Serialize(new[] { new { field = "Name", old = (string?)null, @new = Values[i] } }),
        });
        return host;
    }

    private static string ValueOf(AuditEntry row) =>
        System.Text.Json.JsonDocument.Parse(row.Changes).RootElement[0].GetProperty("new").GetString()!;
}
