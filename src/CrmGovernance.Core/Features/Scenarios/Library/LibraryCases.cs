using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Core.Features.Scenarios.Library;

/// <summary>Each case of <see cref="ScenarioLibrary"/>: a scenario for the flow, or why the case does not apply to it.</summary>
internal sealed class LibraryCases(ScenarioSamples samples)
{
    private const string Origin = "Library";
    private readonly Configuration.Model.DataFlow _flow = samples.Plan.Flow;

    public IEnumerable<(string Key, Func<(Scenario?, string?)> Build)> All()
    {
        yield return ("same-twice", SameSubmittedTwice);
        yield return ("same-person", SamePersonWrittenDifferently);
        yield return ("email-typo", EmailTypo);
        yield return ("missing-required", MissingRequired);
        yield return ("owned-field", FieldOwnedElsewhere);
        yield return ("outside-picklist", OutsidePicklist);
        yield return ("long-unicode", LongValuesAndUnicode);
        foreach (var rule in samples.Plan.Rules.Where(r => r.Trigger == RuleTriggerKind.FieldChangedTo && r.TriggerField is not null))
        {
            yield return ($"rule-{rule.Id:N}", () => RuleEvent(rule));
        }
        yield return ("unavailable", TargetUnavailable);
    }

    private (Scenario?, string?) SameSubmittedTwice()
    {
        var record = samples.Record(0);
        return (New("The same record sent twice", "The source sends the same record twice (a form submitted twice, an order resent): the second must not create a second record.",
            [Input("first", record, ExpectedOutcome.Created), Input("second", record, ExpectedOutcome.Merged)], targetRecordsAfter: 1), null);
    }

    private (Scenario?, string?) SamePersonWrittenDifferently()
    {
        if (samples.IdentityEmail is not { } email)
        {
            return (null, "The same person written differently: the flow does not find records by an email.");
        }
        var existing = samples.Mapped(samples.Record(0));
        var record = samples.Record(0);
        var source = samples.Writing(email.Name)!.SourceFields[0];
        record[source] = MixedCase(record[source]);
        var notes = new List<string> { "the email in another case" };
        if (samples.FirstNameField is { } first && samples.Writing(first.Name)!.SourceFields[0] is var firstSource && record[firstSource] == "Elizabeth")
        {
            record[firstSource] = "Liz";
            notes.Add("a nickname");
        }
        if (samples.PhoneField is { } phone && samples.Writing(phone.Name)!.SourceFields[0] is var phoneSource)
        {
            record[phoneSource] = ScenarioSamples.InternationalPhone(_flow.DefaultRegion, 0);
            existing[phone.Name] = ScenarioSamples.InternationalPhone(_flow.DefaultRegion, 0);
            record[phoneSource] = ScenarioSamples.NationalPhone(_flow.DefaultRegion, 0);
            notes.Add("the phone in its national format");
        }
        return (New("The same person written differently", $"A record already in {samples.Plan.Target.Name} arrives again with {string.Join(", ", notes)}: it must join the existing record.",
            [Input("again", record, ExpectedOutcome.Merged, targetId: "existing-1")], existing: [Existing("existing-1", existing)], targetRecordsAfter: 1), null);
    }

    private (Scenario?, string?) EmailTypo()
    {
        if (samples.IdentityEmail is not { } email)
        {
            return (null, "A typo in an existing record's email: the flow does not find records by an email.");
        }
        var existing = samples.Mapped(samples.Record(0));
        var record = samples.Record(0);
        var source = samples.Writing(email.Name)!.SourceFields[0];
        record[source] = Typo(record[source]!);
        return (New("A typo in the email of an existing record", $"The same person arrives with a mistyped email: it must join the existing record, whose email must survive.",
            [Input("typo", record, ExpectedOutcome.Merged, targetId: "existing-1")], existing: [Existing("existing-1", existing)], targetRecordsAfter: 1,
            afterwards: [Existing("existing-1", new() { [email.Name] = existing.GetValueOrDefault(email.Name) })]), null);
    }

    private (Scenario?, string?) MissingRequired()
    {
        var inputs = new List<ScenarioInput>();
        foreach (var field in samples.Plan.TargetCatalog.Values.Where(f => f.Required).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var mapping = samples.Writing(field.Name);
            if (mapping is null || mapping.SourceFields.Count == 0 || mapping.Transforms.Any(t => t.Kind is TransformKind.Constant or TransformKind.DefaultIfEmpty))
            {
                continue;
            }
            var record = samples.Record(inputs.Count % 3);
            foreach (var source in mapping.SourceFields)
            {
                record.Remove(source);
            }
            inputs.Add(Input($"without-{field.Name}", record, ExpectedOutcome.Rejected, reason: field.Name));
        }
        return inputs.Count == 0
            ? (null, "An incomplete record: no required field of the target is filled from the source.")
            : (New("An incomplete record", "Each required field missing in turn: every such record must be refused with the field named, and none created.", inputs, targetRecordsAfter: 0), null);
    }

    private (Scenario?, string?) FieldOwnedElsewhere()
    {
        var owned = samples.Plan.Mappings.Select(m => samples.Plan.TargetCatalog.GetValueOrDefault(m.TargetField))
            .FirstOrDefault(f => f is not null && !samples.Plan.Ownership.Owns(f.Name) && !samples.Plan.MatchKeys.Contains(f.Name, StringComparer.OrdinalIgnoreCase));
        if (owned is null)
        {
            return (null, $"Conflicting updates to an owned field: {samples.Plan.Source.Name} owns every field the flow writes.");
        }
        var record = samples.Record(0);
        var incoming = samples.Mapped(record).GetValueOrDefault(owned.Name);
        var kept = owned.AllowedValues.FirstOrDefault(v => !string.Equals(v, incoming, StringComparison.Ordinal)) ?? $"Kept by its owner";
        var existing = samples.Mapped(record);
        existing[owned.Name] = kept;
        return (New($"{owned.Name} is owned by another system", $"The record exists with {owned.Name} set by the system that owns it; {samples.Plan.Source.Name} sends another value, which must not replace it.",
            [Input("update", record, ExpectedOutcome.Merged, targetId: "existing-1")], existing: [Existing("existing-1", existing)],
            afterwards: [Existing("existing-1", new() { [owned.Name] = kept })]), null);
    }

    private (Scenario?, string?) OutsidePicklist()
    {
        var mapping = samples.Plan.Mappings.FirstOrDefault(m => m.SourceFields.Count > 0
            && samples.Plan.TargetCatalog.GetValueOrDefault(m.TargetField) is { Type: FieldType.Picklist });
        if (mapping is null)
        {
            return (null, "A value outside the target's picklist: no picklist of the target is filled from the source.");
        }
        var field = samples.Plan.TargetCatalog[mapping.TargetField];
        var record = samples.Record(0);
        record[mapping.SourceFields[0]] = "not-on-any-list";
        var mapped = MappingRunner.Run(mapping, record, _flow.DefaultRegion);
        var input = mapped.Errors.Count == 0 && mapped.Value is { } value && field.AllowedValues.Contains(value, StringComparer.Ordinal)
            ? Input("unknown-value", record, ExpectedOutcome.Created, values: new() { [field.Name] = value })
            : Input("unknown-value", record, ExpectedOutcome.Rejected, reason: field.Name);
        return (New($"A value outside the {field.Name} picklist", $"The source sends a {field.Name} the target does not list: the mapping's default must apply, or the record be refused with the field named.",
            [input]), null);
    }

    private (Scenario?, string?) LongValuesAndUnicode()
    {
        var record = samples.Record(1);
        var texts = samples.Plan.Mappings.Where(m => m.SourceFields.Count == 1
            && samples.Plan.TargetCatalog.GetValueOrDefault(m.TargetField) is { Type: FieldType.Text }).ToList();
        if (texts.Count == 0)
        {
            return (null, "Over-long values and odd Unicode: the flow writes no free text from the source.");
        }
        for (var i = 0; i < texts.Count; i++)
        {
            record[texts[i].SourceFields[0]] = i == 0 ? "Zoë Ångström-Ñúñez 李小龍 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 🙂" : new string('x', 4_000) + " ü";
        }
        var expected = samples.Mapped(record).Where(v => texts.Any(t => string.Equals(t.TargetField, v.Key, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        return (New("Over-long values and odd Unicode", "Accents, other scripts, an emoji and a 4,000-character value: the record is created and every character arrives as the mappings make it.",
            [Input("unicode", record, ExpectedOutcome.Created, values: expected)]), null);
    }

    private (Scenario?, string?) RuleEvent(BusinessRule rule)
    {
        var mapping = samples.Writing(rule.TriggerField!);
        var sourceValue = mapping is null || mapping.SourceFields.Count == 0 ? null
            : new[] { rule.TriggerValue ?? "" }.Concat(mapping.Transforms.Where(t => t.Kind == TransformKind.ValueMap).SelectMany(t => t.Map)
                .Where(p => string.Equals(p.Value, rule.TriggerValue, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key))
                .FirstOrDefault(v => string.Equals(MappingRunner.Run(mapping, new Dictionary<string, string?> { [mapping.SourceFields[0]] = v }, _flow.DefaultRegion).Value,
                    rule.TriggerValue, StringComparison.OrdinalIgnoreCase));
        if (mapping is null || sourceValue is null)
        {
            return (null, $"The rule \"{rule.Name}\": no source value makes {rule.TriggerField} {rule.TriggerValue}.");
        }
        var record = samples.Record(0);
        record[mapping.SourceFields[0]] = sourceValue;
        var before = samples.Mapped(samples.Record(0));
        var field = samples.Plan.TargetCatalog.GetValueOrDefault(rule.TriggerField!);
        before[rule.TriggerField!] = field?.AllowedValues.FirstOrDefault(v => !string.Equals(v, rule.TriggerValue, StringComparison.OrdinalIgnoreCase)) ?? "before";
        var existing = new List<ScenarioRecord> { Existing("existing-1", before) };
        var afterwards = new List<ScenarioRecord>();
        var emailValue = samples.Plan.TargetCatalog.Values.FirstOrDefault(f => f.Type == FieldType.Email) is { } email ? before.GetValueOrDefault(email.Name) : null;
        foreach (var action in rule.Actions.Where(a => a.Kind is RuleActionKind.SetField or RuleActionKind.SuppressMarketing))
        {
            var qualified = action.Kind == RuleActionKind.SuppressMarketing ? "contact.marketing_suppressed" : action.Field!;
            var value = action.Kind == RuleActionKind.SuppressMarketing ? "true" : action.Value;
            if (samples.Plan.Related(qualified) is not { } related || related.Object.Id == samples.Plan.BusinessObject.Id || emailValue is null)
            {
                continue;
            }
            var relatedEmail = samples.Plan.Configuration.FieldsOf(samples.Plan.Target.Id, related.Object.Id).FirstOrDefault(f => f.Type == FieldType.Email);
            if (relatedEmail is null)
            {
                continue;
            }
            var id = $"{related.Object.Key}-1";
            if (!existing.Any(e => e.ObjectKey == related.Object.Key))
            {
                existing.Add(new ScenarioRecord { Id = id, ObjectKey = related.Object.Key, Fields = new(StringComparer.OrdinalIgnoreCase) { [relatedEmail.Name] = emailValue } });
            }
            afterwards.Add(new ScenarioRecord { Id = id, ObjectKey = related.Object.Key, Fields = new(StringComparer.OrdinalIgnoreCase) { [related.Field] = value } });
        }
        var notify = rule.Actions.Any(a => a.Kind == RuleActionKind.NotifyOwner) ? true : (bool?)null;
        var input = Input("event", record, ExpectedOutcome.Merged, targetId: "existing-1", reason: rule.Name,
            values: new() { [rule.TriggerField!] = rule.TriggerValue }) with { };
        input = input with { Expected = input.Expected with { NotifiesOwner = notify } };
        return (New($"Rule: {rule.Name}", $"{rule.TriggerField} changes to {rule.TriggerValue} on a record the target holds: the rule \"{rule.Name}\" must act.",
            [input], existing: existing, afterwards: afterwards), null);
    }

    private (Scenario?, string?) TargetUnavailable() =>
        (New($"{samples.Plan.Target.Name} unavailable", $"{samples.Plan.Target.Name} cannot be reached: the run must end \"system unavailable\" and keep every record for the next run.",
            [Input("while-down", samples.Record(0), ExpectedOutcome.Kept)]) with { TargetUnavailable = true }, null);

    private Scenario New(string name, string description, List<ScenarioInput> inputs, List<ScenarioRecord>? existing = null,
        List<ScenarioRecord>? afterwards = null, int? targetRecordsAfter = null) =>
        new()
        {
            Id = Guid.Empty, FlowId = _flow.Id, Name = name, Description = description, Origin = Origin, Inputs = inputs,
            Existing = existing ?? [], Afterwards = afterwards ?? [], TargetRecordsAfter = targetRecordsAfter,
        };

    private static ScenarioInput Input(string id, Dictionary<string, string?> fields, ExpectedOutcome outcome, string? targetId = null, string? reason = null,
        Dictionary<string, string?>? values = null) =>
        new()
        {
            SourceId = $"scenario-{id}", Fields = new(fields, StringComparer.OrdinalIgnoreCase),
            Expected = new ScenarioExpectation
            {
                Outcome = outcome, TargetId = targetId, ReasonContains = reason, Values = new(values ?? [], StringComparer.OrdinalIgnoreCase),
            },
        };

    private static ScenarioRecord Existing(string id, Dictionary<string, string?> fields) =>
        new() { Id = id, Fields = new(fields, StringComparer.OrdinalIgnoreCase) };

    private static string? MixedCase(string? email) => email is null ? null : char.ToUpperInvariant(email[0]) + email[1..].Replace("@example", "@Example", StringComparison.Ordinal);

    /// <summary>Two neighbouring letters of the local part swapped ("elizabeth" → "elizabteh").</summary>
    private static string Typo(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var i = Math.Max(1, at - 3);
        return at < 3 ? "x" + email : email[..i] + email[i + 1] + email[i] + email[(i + 2)..];
    }
}
