using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Core.Tests.Features.Configuration;

public sealed class DiffLabelsTests
{
    private static readonly GovernanceConfiguration Demo = DemoConfiguration.Build("owner@example.com", "steward@example.com");

    private static IReadOnlyList<ItemDiff> Labelled(GovernanceConfiguration before, GovernanceConfiguration after) =>
        DiffLabels.Apply(ConfigurationDiff.Between(before, after), before, after);

    private static GovernanceConfiguration WithEmailMapping(params Transform[] transforms)
    {
        var email = Demo.Mappings.Single(m => m.FlowId == DemoConfiguration.WebFormFlow && m.TargetField == "email");
        return Demo with { Mappings = [.. Demo.Mappings.Select(m => m.Id == email.Id ? m with { Transforms = [.. transforms] } : m)] };
    }

    [Fact]
    public void A_transform_argument_reads_as_the_transform_and_argument_the_editor_shows_on_a_mapping_named_by_its_fields()
    {
        var before = WithEmailMapping(Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.EmailNormalise), Transform.Of(TransformKind.Truncate, ("length", "100")));
        var after = WithEmailMapping(Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.EmailNormalise), Transform.Of(TransformKind.Truncate, ("length", "80")));

        var item = Assert.Single(Labelled(before, after));

        Assert.Equal(("Mapping email → Email", "Flow Web form to CRM contacts"), (item.Title, item.Context));
        var field = Assert.Single(item.Fields);
        Assert.Equal("Transform 3 (Truncate): Length", field.Label);
        Assert.Equal(("100", "80"), (field.OldText, field.NewText));
        // The diff itself is unchanged: rollback, import and the raw path on hover still read it.
        Assert.Equal(new FieldChange("transforms[2].args.length", "100", "80"), field with { Label = null, OldText = null, NewText = null });
    }

    [Fact]
    public void An_id_a_field_points_at_reads_as_the_name_of_that_item_on_its_own_side()
    {
        var flow = Demo.FindFlow(DemoConfiguration.OpportunitiesFlow)!;
        // After: the marketing system is gone and the flow feeds the shop instead.
        var after = Demo with
        {
            Systems = [.. Demo.Systems.Where(s => s.Id != DemoConfiguration.Marketing)],
            Flows = [.. Demo.Flows.Select(f => f.Id == flow.Id ? f with { TargetSystemId = DemoConfiguration.Shop } : f)],
        };

        var diffs = Labelled(Demo, after);

        var changed = Assert.Single(diffs, d => d.Kind == ConfigurationItemKind.Flow);
        Assert.Equal("Flow CRM opportunities to marketing", changed.Title);
        var target = Assert.Single(changed.Fields);
        Assert.Equal(("To (target)", "Marketing automation", "Shop"), (target.Label, target.OldText, target.NewText));
        Assert.Equal((DemoConfiguration.Marketing.ToString("D"), DemoConfiguration.Shop.ToString("D")), (target.Old, target.New));
        var removed = Assert.Single(diffs, d => d.Kind == ConfigurationItemKind.System);
        Assert.Equal("System Marketing automation", removed.Title);
    }

    [Fact]
    public void Match_rule_fields_read_as_the_editor_labels_them()
    {
        var rule = Demo.MatchRules.Single(r => r.ObjectId == StandardObjects.Contact);
        var comparison = rule.Comparisons[0];
        var level = comparison.Levels[0];
        var changedRule = rule with
        {
            AutoMatchThreshold = rule.AutoMatchThreshold - 0.01,
            Comparisons = [comparison with { Levels = [level with { Weight = level.Weight + 1 }, .. comparison.Levels.Skip(1)] }, .. rule.Comparisons.Skip(1)],
        };
        var after = Demo with { MatchRules = [.. Demo.MatchRules.Select(r => r.Id == rule.Id ? changedRule : r)] };

        var item = Assert.Single(Labelled(Demo, after));

        Assert.Equal(["Auto-match threshold", $"Comparison 1 ({comparison.Attribute}): Level 1: Weight"], item.Fields.Select(f => f.Label).Order(StringComparer.Ordinal));
        Assert.Equal("Object Contact", item.Context);
    }

    [Fact]
    public void Owners_lists_and_source_of_truth_fields_read_in_words()
    {
        var sot = Demo.SourcesOfTruth.Single(s => s.ObjectId == StandardObjects.Contact);
        var changedSot = sot with { Fields = [sot.Fields[0] with { OwnerSystemId = DemoConfiguration.Crm }, .. sot.Fields.Skip(1)] };
        var flow = Demo.FindFlow(DemoConfiguration.WebFormFlow)!;
        var after = Demo with
        {
            SourcesOfTruth = [.. Demo.SourcesOfTruth.Select(s => s.Id == sot.Id ? changedSot : s)],
            Flows = [.. Demo.Flows.Select(f => f.Id == flow.Id ? f with { Owner = "ada@example.com", MatchKeys = ["email", "phone"] } : f)],
        };

        var diffs = Labelled(Demo, after);

        var truth = Assert.Single(diffs, d => d.Kind == ConfigurationItemKind.SourceOfTruth);
        Assert.Equal("Source of truth for Contact", truth.Title);
        Assert.Equal(("Field email: Owned by", "Website", "CRM"), (truth.Fields[0].Label, truth.Fields[0].OldText, truth.Fields[0].NewText));
        var flowDiff = Assert.Single(diffs, d => d.Kind == ConfigurationItemKind.Flow);
        Assert.Equal(["Match key 2", "Owner"], flowDiff.Fields.Select(f => f.Label));
    }

    [Fact]
    public void Enum_values_and_transform_kinds_read_as_words()
    {
        var flow = Demo.FindFlow(DemoConfiguration.WebFormFlow)!;
        var after = WithEmailMapping(Transform.Of(TransformKind.EmailNormalise), Transform.Of(TransformKind.ParseDate, ("formats", "yyyy-MM-dd")));
        after = after with { Flows = [.. after.Flows.Select(f => f.Id == flow.Id ? f with { Pattern = FlowPattern.Scheduled, Cron = "0 0 * * * ?" } : f)] };

        var diffs = Labelled(Demo, after);

        var pattern = diffs.Single(d => d.Kind == ConfigurationItemKind.Flow).Fields.Single(f => f.Path == "pattern");
        Assert.Equal(("When", "Event driven", "Scheduled"), (pattern.Label, pattern.OldText, pattern.NewText));
        var kind = diffs.Single(d => d.Kind == ConfigurationItemKind.Mapping).Fields.Single(f => f.Path == "transforms[1].kind");
        Assert.Equal(("Transform 2 (Parse date): Kind", "Parse date"), (kind.Label, kind.NewText));
    }

    [Fact]
    public void A_property_without_a_label_of_its_own_is_split_into_words() =>
        Assert.Equal(["Mismatch weight", "Owner system", "Keep existing on fuzzy match"],
            new[] { "mismatchWeight", "ownerSystemId", "keepExistingOnFuzzyMatch" }.Select(DiffFieldLabels.Humanise));
}
