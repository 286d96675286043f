using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Configuration;

public sealed class ConfigurationDiffTests
{
    private static readonly Guid Web = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Crm = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Contact = Guid.Parse("00000000-0000-0000-0000-0000000000c0");
    private static readonly Guid Flow = Guid.Parse("00000000-0000-0000-0000-0000000000f0");
    private static readonly Guid Mapping = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Rule = Guid.Parse("00000000-0000-0000-0000-0000000000e1");

    /// <summary>Built afresh each call, so "identical" means equal content, not shared instances.</summary>
    private static GovernanceConfiguration Sample(string dateFormat = "dd/MM/yyyy") => new()
    {
        Systems =
        [
            new() { Id = Web, Key = "website", Name = "Website", Settings = new(StringComparer.Ordinal) { ["baseUrl"] = "https://example.com", ["Timeout"] = "30" } },
            new() { Id = Crm, Key = "crm", Name = "CRM", Kind = SystemKind.Crm },
        ],
        Objects = [new() { Id = Contact, Key = "contact", Name = "Contact", Owner = "grace@example.com" }],
        Fields =
        [
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000d1"), SystemId = Crm, ObjectId = Contact, Name = "lifecycle", Type = FieldType.Picklist, AllowedValues = ["lead", "customer"] },
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000d2"), SystemId = Crm, ObjectId = Contact, Name = "email", Type = FieldType.Email },
        ],
        Flows = [new() { Id = Flow, Name = "Web form → CRM", ObjectId = Contact, SourceSystemId = Web, TargetSystemId = Crm, DefaultRegion = "GB" }],
        Mappings =
        [
            new()
            {
                Id = Mapping, FlowId = Flow, Order = 2, SourceFields = ["signup"], TargetField = "signup_date",
                Transforms = [Transform.Of(TransformKind.FormatDate, ("format", dateFormat)), StageMap()],
            },
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000a2"), FlowId = Flow, Order = 1, SourceFields = ["Email"], TargetField = "email" },
        ],
        Rules = [new() { Id = Rule, FlowId = Flow, Name = "Reject test leads", Conditions = [new() { Field = "email", Operator = ConditionOperator.Contains, Value = "@test." }], Actions = [new() { Kind = RuleActionKind.Reject, Reason = "test lead" }] }],
    };

    private static Transform StageMap()
    {
        var map = Transform.Of(TransformKind.ValueMap, ("default", "lead"));
        map.Map["Customer"] = "customer";
        map.Map["lead"] = "lead";
        return map;
    }

    [Fact]
    public void Identical_configurations_have_no_differences() =>
        Assert.Empty(ConfigurationDiff.Between(Sample(), Sample()));

    [Fact]
    public void A_changed_transform_argument_is_reported_by_its_leaf_path()
    {
        var diff = Assert.Single(ConfigurationDiff.Between(Sample("dd/MM/yyyy"), Sample("yyyy-MM-dd")));

        Assert.Equal((ConfigurationItemKind.Mapping, Mapping, DiffKind.Changed, "mapping signup → signup_date"), (diff.Kind, diff.ItemId, diff.Change, diff.DisplayName));
        Assert.Equal(new FieldChange("transforms[0].args.format", "dd/MM/yyyy", "yyyy-MM-dd"), Assert.Single(diff.Fields));
    }

    [Fact]
    public void Added_removed_and_changed_items_are_each_reported()
    {
        var before = Sample();
        var phone = new FieldDefinition { Id = Guid.NewGuid(), SystemId = Crm, ObjectId = Contact, Name = "phone", Type = FieldType.Phone };
        var after = before with
        {
            Fields = [.. before.Fields, phone],
            Rules = [],
            Objects = [before.Objects[0] with { Owner = "ada@example.com" }],
        };

        var diffs = ConfigurationDiff.Between(before, after);

        Assert.Equal(3, diffs.Count);
        var added = Assert.Single(diffs, d => d.Change == DiffKind.Added);
        Assert.Equal((ConfigurationItemKind.Field, phone.Id), (added.Kind, added.ItemId));
        Assert.Contains(new FieldChange("name", null, "phone"), added.Fields);
        Assert.Contains(new FieldChange("type", null, "Phone"), added.Fields);
        var removed = Assert.Single(diffs, d => d.Change == DiffKind.Removed);
        Assert.Equal((ConfigurationItemKind.Rule, Rule, "rule Reject test leads"), (removed.Kind, removed.ItemId, removed.DisplayName));
        Assert.Contains(new FieldChange("conditions[0].value", "@test.", null), removed.Fields);
        Assert.All(removed.Fields, f => Assert.Null(f.New));
        var changed = Assert.Single(diffs, d => d.Change == DiffKind.Changed);
        Assert.Equal(new FieldChange("owner", "grace@example.com", "ada@example.com"), Assert.Single(changed.Fields));
    }

    [Fact]
    public void Leaves_never_report_the_display_name() =>
        Assert.DoesNotContain(ConfigurationDiff.Leaves(null, Sample().Rules[0]), f => f.Path.Contains("displayName", StringComparison.Ordinal));

    [Fact]
    public void Canonical_json_and_hash_do_not_depend_on_list_order()
    {
        var sample = Sample();
        var json = ConfigurationJson.Serialize(sample);
        var hash = ConfigurationJson.Hash(sample);

        Gen.Int.Sample(seed =>
        {
            var shuffled = Shuffled(sample, new Random(seed));
            Assert.Equal(json, ConfigurationJson.Serialize(shuffled));
            Assert.Equal(hash, ConfigurationJson.Hash(shuffled));
            Assert.Empty(ConfigurationDiff.Between(sample, shuffled));
        });
    }

    [Fact]
    public void A_change_changes_the_hash() =>
        Assert.NotEqual(ConfigurationJson.Hash(Sample("dd/MM/yyyy")), ConfigurationJson.Hash(Sample("yyyy-MM-dd")));

    [Fact]
    public void Serialize_deserialize_serialize_gives_the_same_json()
    {
        var json = ConfigurationJson.Serialize(Sample());

        var again = ConfigurationJson.Serialize(ConfigurationJson.Deserialize(json));

        Assert.Equal(json, again);
    }

    [Fact]
    public void Value_map_keys_of_mixed_case_survive_a_json_round_trip_in_order()
    {
        var key = Gen.Char["aAbB_-1"].Array[1, 4].Select(a => new string(a));
        var distinct = key.HashSet[1, 6].Where(keys => keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() == keys.Count);
        distinct.Sample(keys =>
        {
            var map = Transform.Of(TransformKind.ValueMap, ("default", "lead"));
            foreach (var k in keys) { map.Map[k] = k; }
            var config = Sample() with { Mappings = [Sample().Mappings[0] with { Transforms = [map] }] };
            var json = ConfigurationJson.Serialize(config);

            Assert.Equal(json, ConfigurationJson.Serialize(ConfigurationJson.Deserialize(json)));
        });
    }

    [Fact]
    public void A_value_map_with_keys_differing_only_in_case_can_be_saved_and_hashed()
    {
        var map = Transform.Of(TransformKind.ValueMap, ("default", "lead"));
        map.Map["LEAD"] = "lead";
        map.Map["Lead"] = "lead";
        var config = Sample() with { Mappings = [Sample().Mappings[0] with { Transforms = [map] }] };

        var json = ConfigurationJson.Serialize(config);

        Assert.Equal(json, ConfigurationJson.Serialize(ConfigurationJson.Deserialize(json)));
        Assert.Equal(64, ConfigurationJson.Hash(config).Length);
    }

    private static GovernanceConfiguration Shuffled(GovernanceConfiguration c, Random rng) => c with
    {
        Systems = [.. c.Systems.OrderBy(_ => rng.Next())],
        Fields = [.. c.Fields.OrderBy(_ => rng.Next())],
        Mappings = [.. c.Mappings.OrderBy(_ => rng.Next())],
        Rules = [.. c.Rules.OrderBy(_ => rng.Next())],
    };
}
