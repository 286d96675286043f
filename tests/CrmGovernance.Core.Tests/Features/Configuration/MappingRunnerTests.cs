using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Core.Tests.Features.Configuration;

public sealed class MappingRunnerTests
{
    private static FieldMapping Mapping(string target, string[] sources, params Transform[] steps) =>
        new() { Id = Guid.NewGuid(), FlowId = Guid.NewGuid(), TargetField = target, SourceFields = [.. sources], Transforms = [.. steps] };

    [Fact]
    public void Concatenate_joins_the_trimmed_sources_and_skips_empty_and_missing_ones()
    {
        var mapping = Mapping("full_name", ["first", "middle", "last", "suffix"], Transform.Of(TransformKind.Concatenate));
        var record = new Dictionary<string, string?> { ["first"] = " Ada ", ["middle"] = "  ", ["last"] = "Lovelace" };

        var result = Run(mapping, record);

        Assert.Equal("Ada Lovelace", result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Concatenate_uses_its_separator_and_gives_null_when_every_source_is_empty()
    {
        var mapping = Mapping("address", ["street", "city"], Transform.Of(TransformKind.Concatenate, ("separator", ", ")));

        Assert.Equal("1 Main St, Leeds", Run(mapping, new() { ["street"] = "1 Main St", ["city"] = "Leeds" }).Value);
        Assert.Null(Run(mapping, new() { ["street"] = "", ["city"] = null }).Value);
    }

    [Fact]
    public void A_chain_runs_its_steps_in_order()
    {
        var mapping = Mapping("email", ["Email Address"], Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.EmailNormalise));

        var result = Run(mapping, new() { ["Email Address"] = "  Ada@Example.COM\t" });

        Assert.Equal("ada@example.com", result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Errors_name_the_target_field()
    {
        var mapping = Mapping("email", ["Email Address"], Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.EmailNormalise));

        var result = Run(mapping, new() { ["Email Address"] = " not-an-email " });

        Assert.Equal("email", result.TargetField);
        Assert.Equal("email: 'not-an-email' is not an email address.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Each_failing_step_adds_its_own_error()
    {
        var mapping = Mapping("mobile", ["phone"], Transform.Of(TransformKind.PhoneE164), Transform.Of(TransformKind.ValueMap));

        var result = Run(mapping, new() { ["phone"] = "12345" });

        Assert.Equal(["mobile: '12345' is not a valid phone number for region GB.", "mobile: No mapping for '12345' and no default value."], result.Errors);
    }

    [Fact]
    public void A_constant_needs_no_source_field() =>
        Assert.Equal("web form", Run(Mapping("lead_source", [], Transform.Of(TransformKind.Constant, ("value", "web form"))), new()).Value);

    private static MappedValue Run(FieldMapping mapping, Dictionary<string, string?> record) => MappingRunner.Run(mapping, record, "GB");
}
