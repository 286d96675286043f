using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Quality.Fields;
using CrmGovernance.Core.Tests.Features.Quality.Assessments;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Quality.Fields;

/// <summary>Field rationalisation over the assessment fixture: fill rates, last changes across assessments, flags, scope and the export.</summary>
public sealed class FieldRationalisationTests
{
    private static Task<T> AsAsync<T>(SyncTestHost host, string name, string role, Func<IServiceProvider, Task<T>> work) =>
        host.AsAsync<IServiceProvider, T>(name, role, work);

    private static Task<IReadOnlyList<FieldRationalisationRow>> RowsAsync(SyncTestHost host, FieldRationalisationFilter? filter = null) =>
        AsAsync(host, AssessmentScenario.Owner, Roles.BusinessOwner, sp => sp.GetRequiredService<FieldRationalisationService>().RowsAsync(filter ?? new()));

    private static async Task AssessAsync(SyncTestHost host) =>
        await host.FinishedAsync(await host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)));

    [Fact]
    public async Task Fill_rates_and_flags_come_from_the_latest_assessment_and_a_field_no_flow_uses_and_nobody_owns_is_flagged_with_why()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        var before = (await RowsAsync(host)).ToDictionary(r => r.Field);
        await AssessAsync(host);

        var rows = (await RowsAsync(host)).ToDictionary(r => r.Field);

        Assert.Equal(["country", "email", "fax", "lifecycle", "phone"], rows.Keys.Order());
        Assert.Equal((null, FieldChangeKnowledge.NotAssessed), (before["email"].FillRate, before["email"].LastChange.Knowledge));
        Assert.Equal((0.9, 120L), (rows["email"].FillRate!.Value, rows["email"].Records!.Value));
        Assert.Equal(FieldChangeKnowledge.OneAssessment, rows["email"].LastChange.Knowledge);
        Assert.Equal([FieldFlagKind.NoOwner, FieldFlagKind.Unused, FieldFlagKind.RarelyFilled], rows["fax"].Flags.Select(f => f.Kind));
        Assert.StartsWith("Never filled: empty in all 120 records", rows["fax"].Flags[2].Reason, StringComparison.Ordinal);
        Assert.Equal([FieldFlagKind.NoOwner, FieldFlagKind.Unused], rows["email"].Flags.Select(f => f.Kind));
        Assert.Equal(["fax"], (await RowsAsync(host, new(Search: "FA", FlaggedOnly: true))).Select(r => r.Field));
    }

    [Fact]
    public async Task The_last_change_of_a_field_is_found_between_the_two_assessments_its_values_differ_and_a_field_unchanged_for_months_is_flagged()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        await AssessAsync(host);
        await AssessAsync(host);
        await SqliteTables.ExecuteAsync(host.PathOf("crm.db"), "UPDATE contacts SET phone = '+442079460999' WHERE id = 'c005';");
        await AssessAsync(host);
        // The first assessment 100 days back: email has kept the same values across all three since then.
        await host.QueryAsync(db => db.Assessments.OrderBy(a => a.Id).Take(1)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.FinishedUtc, DateTime.UtcNow.AddDays(-100))));
        var finished = await host.QueryAsync(db => db.Assessments.OrderBy(a => a.Id).Select(a => a.FinishedUtc!.Value).ToListAsync());

        var rows = (await RowsAsync(host)).ToDictionary(r => r.Field);

        Assert.Equal(new FieldLastChange(FieldChangeKnowledge.ChangedBetween, finished[1], finished[2], 2), rows["phone"].LastChange);
        Assert.Equal(new FieldLastChange(FieldChangeKnowledge.UnchangedSince, finished[0], finished[2], 3), rows["email"].LastChange);
        Assert.Contains(rows["email"].Flags, f => f.Kind == FieldFlagKind.NeverChanged && f.Reason.Contains("3 assessments", StringComparison.Ordinal));
        Assert.DoesNotContain(rows["phone"].Flags, f => f.Kind == FieldFlagKind.NeverChanged);
    }

    [Fact]
    public void A_fields_value_signature_does_not_depend_on_the_order_records_are_read_and_changes_with_one_value()
    {
        var field = new Core.Features.Configuration.Model.FieldDefinition { Id = Guid.NewGuid(), SystemId = Guid.NewGuid(), ObjectId = Guid.NewGuid(), Name = "city" };
        long Signature(params (string Id, string? City)[] records)
        {
            var profiler = new AssessmentProfiler([field], "GB", DateTime.MinValue);
            foreach (var (id, city) in records)
            {
                profiler.Add(new ConnectorRecord(id, new Dictionary<string, string?> { ["city"] = city }));
            }
            return profiler.Findings()[0].ValueSignature;
        }

        var original = Signature(("a", "Leeds"), ("b", "York"), ("c", null));
        Assert.Equal(original, Signature(("c", null), ("b", "York"), ("a", "Leeds")));
        Assert.NotEqual(original, Signature(("a", "York"), ("b", "Leeds"), ("c", null)));
        Assert.NotEqual(original, Signature(("a", "Leeds"), ("b", "York"), ("c", "Hull")));
        Assert.NotEqual(original, Signature(("a", "Leeds"), ("b", "york"), ("c", null)));
    }

    [Fact]
    public async Task Managers_see_every_field_an_owner_of_nothing_sees_none_and_the_export_lists_the_fields_with_their_flags()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        await AssessAsync(host);

        var managers = await AsAsync(host, "manager@example.com", Roles.Manager, sp => sp.GetRequiredService<FieldRationalisationService>().RowsAsync(new()));
        var stranger = await AsAsync(host, "stranger@example.com", Roles.BusinessOwner, sp => sp.GetRequiredService<FieldRationalisationService>().RowsAsync(new()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            AsAsync(host, "auditor@example.com", Roles.Auditor, sp => sp.GetRequiredService<FieldRationalisationService>().RowsAsync(new())));
        var export = await AsAsync(host, "manager@example.com", Roles.Manager,
            sp => sp.GetRequiredService<FieldRationalisationWorkbook>().ExportAsync(new(FlaggedOnly: true)));

        Assert.Equal(5, managers.Count);
        Assert.Empty(stranger);
        using var workbook = new XLWorkbook(new MemoryStream(export.Content));
        var sheet = workbook.Worksheet(FieldRationalisationWorkbook.FieldsSheet);
        Assert.Equal("Field", sheet.Cell(1, 3).GetString());
        Assert.Equal(["country", "email", "fax", "lifecycle", "phone"], Enumerable.Range(2, 5).Select(r => sheet.Cell(r, 3).GetString()).Order());
        var fax = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == "fax");
        Assert.Contains("Never filled", fax.Cell(13).GetString(), StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", export.FileName, StringComparison.Ordinal);
    }
}
