using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// People in a SQLite "source" → contacts in a SQLite CRM, 10 mapped fields, matched by email. Identical flows into
/// CRM databases of their own: the measured runs use the first (and, with <c>--flows N</c>, flows 2 to N from the same
/// source at the same time); the phase breakdown drives the engine's parts on the phases flow.
/// </summary>
internal static class SyncBenchmarkConfiguration
{
    public const string Owner = "benchmark@example.com";
    public static readonly Guid Source = new("00000000-0000-4000-8000-0000000b0001");
    public static readonly Guid Crm = new("00000000-0000-4000-8000-0000000b0002");
    public static readonly Guid PhasesCrm = new("00000000-0000-4000-8000-0000000b0003");
    public static readonly Guid Flow = new("00000000-0000-4000-8000-0000000bf001");
    public static readonly Guid PhasesFlow = new("00000000-0000-4000-8000-0000000bf002");

    public static readonly string[] SourceColumns =
        ["id", "email", "first_name", "last_name", "phone", "company", "job_title", "country", "city", "lead_source"];

    public static readonly string[] TargetColumns =
        ["email", "first_name", "last_name", "phone", "company", "job_title", "country", "city", "lead_source", "lifecycle_stage"];

    public const int MaxFlows = 4;

    /// <summary>Measured flow <paramref name="n"/> (1-based): flow 1 is <see cref="Flow"/>.</summary>
    public static Guid FlowOf(int n) => n == 1 ? Flow : new($"00000000-0000-4000-8000-0000000bf1{n:D2}");

    /// <summary>The CRM file measured flow <paramref name="n"/> writes to.</summary>
    public static string CrmFileOf(int n) => n == 1 ? "crm.db" : $"crm-{n}.db";

    private static Guid CrmOf(int n) => n == 1 ? Crm : new($"00000000-0000-4000-8000-0000000b01{n:D2}");

    /// <param name="flows">How many measured flows (1 to <see cref="MaxFlows"/>), besides the phases flow.</param>
    public static GovernanceConfiguration Build(int flows)
    {
        var measured = Enumerable.Range(1, flows).ToList();
        var fields = new List<FieldDefinition>();
        void Field(Guid system, string name, FieldType type, bool required = false, params string[] values) =>
            fields.Add(new() { Id = Guid.NewGuid(), SystemId = system, ObjectId = StandardObjects.Contact, Name = name, Type = type, Required = required, AllowedValues = [.. values] });
        foreach (var name in SourceColumns)
        {
            Field(Source, name, FieldType.Text);
        }
        foreach (var crm in measured.Select(CrmOf).Append(PhasesCrm))
        {
            Field(crm, "email", FieldType.Email, required: true);
            Field(crm, "first_name", FieldType.Text);
            Field(crm, "last_name", FieldType.Text, required: true);
            Field(crm, "phone", FieldType.Phone);
            Field(crm, "company", FieldType.Text);
            Field(crm, "job_title", FieldType.Text);
            Field(crm, "country", FieldType.Picklist, false, "GB", "IE", "FR", "DE", "US");
            Field(crm, "city", FieldType.Text);
            Field(crm, "lead_source", FieldType.Picklist, false, "website", "event", "referral", "partner", "other");
            Field(crm, "lifecycle_stage", FieldType.Picklist, false, "lead", "customer");
        }
        return new GovernanceConfiguration
        {
            Systems =
            [
                Sql(Source, "source", "source.db", "people"),
                .. measured.Select(n => Sql(CrmOf(n), n == 1 ? "crm" : $"crm{n}", CrmFileOf(n), "contacts")),
                Sql(PhasesCrm, "crmphases", "crm-phases.db", "contacts"),
            ],
            Objects = StandardObjects.All(Owner, Owner),
            Fields = fields,
            Flows =
            [
                .. measured.Select(n => FlowTo(FlowOf(n), n == 1 ? "People to CRM" : $"People to CRM {n}", CrmOf(n))),
                FlowTo(PhasesFlow, "People to CRM (phase breakdown)", PhasesCrm),
            ],
            Mappings = [.. measured.SelectMany(n => Mappings(FlowOf(n))), .. Mappings(PhasesFlow)],
        };
    }

    private static DataFlow FlowTo(Guid id, string name, Guid target) => new()
    {
        Id = id, Name = name, ObjectId = StandardObjects.Contact, SourceSystemId = Source, TargetSystemId = target, Pattern = FlowPattern.Scheduled,
        Cron = "0 0 * * * ?", Owner = Owner, Status = FlowStatus.Active, DefaultRegion = "GB", MatchKeys = ["email"], Outcome = "Benchmark",
    };

    /// <summary>Ten target fields: email normalise, phone to E.164, whitespace, title case, truncate, value maps and a constant.</summary>
    private static IEnumerable<FieldMapping> Mappings(Guid flow)
    {
        var order = 0;
        FieldMapping Map(string source, string target, params Transform[] steps) =>
            new() { Id = Guid.NewGuid(), FlowId = flow, Order = ++order, SourceFields = [source], TargetField = target, Transforms = [.. steps] };
        var country = Transform.Of(TransformKind.ValueMap, ("default", "GB"));
        foreach (var (from, to) in new[] { ("UK", "GB"), ("United Kingdom", "GB"), ("Great Britain", "GB"), ("Ireland", "IE"), ("France", "FR"), ("Germany", "DE"), ("USA", "US"), ("United States", "US") })
        {
            country.Map[from] = to;
        }
        var leadSource = Transform.Of(TransformKind.ValueMap, ("default", "other"));
        foreach (var (from, to) in new[] { ("web", "website"), ("website", "website"), ("web form", "website"), ("event", "event"), ("trade show", "event"), ("referral", "referral"), ("partner", "partner") })
        {
            leadSource.Map[from] = to;
        }
        yield return Map("email", "email", Transform.Of(TransformKind.EmailNormalise));
        yield return Map("first_name", "first_name", Transform.Of(TransformKind.CollapseWhitespace), Transform.Of(TransformKind.TitleCase));
        yield return Map("last_name", "last_name", Transform.Of(TransformKind.CollapseWhitespace), Transform.Of(TransformKind.TitleCase));
        yield return Map("phone", "phone", Transform.Of(TransformKind.PhoneE164));
        yield return Map("company", "company", Transform.Of(TransformKind.Trim));
        yield return Map("job_title", "job_title", Transform.Of(TransformKind.CollapseWhitespace), Transform.Of(TransformKind.Truncate, ("length", "60")));
        yield return Map("country", "country", Transform.Of(TransformKind.Trim), country);
        yield return Map("city", "city", Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.TitleCase));
        yield return Map("lead_source", "lead_source", Transform.Of(TransformKind.LowerCase), leadSource);
        yield return new() { Id = Guid.NewGuid(), FlowId = flow, Order = ++order, TargetField = "lifecycle_stage", Transforms = [Transform.Of(TransformKind.Constant, ("value", "lead"))] };
    }

    private static ConnectedSystem Sql(Guid id, string key, string database, string table)
    {
        var system = new ConnectedSystem { Id = id, Key = key, Name = key, ConnectorType = "sql", Status = SystemStatus.Active, Owner = Owner };
        system.Settings["database"] = database;
        system.Settings["contact.table"] = table;
        return system;
    }
}
