using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit.Reports;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl.Import;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents.Ownership;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Baselines;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Notifications;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Scenarios;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.SignOffs;
using CrmGovernance.Core.Features.Quality.Fields;
using CrmGovernance.Core.Features.Quality.KnownIssues;
using CrmGovernance.Core.Features.Stewardship.Review;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Users.AccessTokens;
using CrmGovernance.Core.Features.Users;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// Every entry point of Core's services that changes or reveals data, with the capability it needs and a call with
/// harmless arguments (unknown ids, empty filters). The service matrix test calls each one as every role, and checks
/// that this list covers every public method of every service that acts for a person.
/// </summary>
public static class ServiceEntryPoints
{
    private static readonly Guid Nobody = new("00000000-0000-4000-8000-00000000dead");
    private static readonly AuditLogFilter Future = new(FromUtc: new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly InsightsFilter FarFuture = InsightsFilter.LastDays(new DateOnly(2099, 1, 31), 7);
    private static readonly ConnectedSystem System = new() { Id = Nobody, Key = "matrix", Name = "Matrix", Owner = "nobody@example.com" };

    public static readonly IReadOnlyList<ServiceEntry> All =
    [
        .. Of<ChangeRequestService>(Capability.ReadConfiguration,
            ("GetAsync", s => s.GetAsync(Nobody)), ("ListAsync", s => s.ListAsync(null, 0, 10)),
            ("DraftConfigurationAsync", s => s.DraftConfigurationAsync(Nobody)), ("DiffAsync", s => s.DiffAsync(Nobody)),
            ("DescribeAsync", s => s.DescribeAsync(Nobody))),
        .. Of<ChangeRequestService>(Capability.DraftChanges,
            ("CreateDraftAsync", s => s.CreateDraftAsync("Matrix", "Access test")), ("SaveItemAsync", s => s.SaveItemAsync(Nobody, System)),
            ("SaveEditAsync", s => s.SaveEditAsync(Nobody, null, System)), ("DeleteItemAsync", s => s.DeleteItemAsync(Nobody, ConfigurationItemKind.System, Nobody)),
            ("FillDraftAsync", s => s.FillDraftAsync(Nobody, [])), ("DiscardItemAsync", s => s.DiscardItemAsync(Nobody, Nobody)),
            ("SubmitAsync", s => s.SubmitAsync(Nobody)), ("SetStatusByAuthorAsync", s => s.SetStatusByAuthorAsync(Nobody, ChangeRequestStatus.Withdrawn)),
            ("RebaseAsync", s => s.RebaseAsync(Nobody))),
        Answers<ChangeRequestService>("MyDraftsAsync", Capability.DraftChanges, s => s.MyDraftsAsync()),
        .. Of<ChangeRequestReview>(Capability.ReviewChanges,
            ("ApproveAsync", s => s.ApproveAsync(Nobody, null)), ("RejectAsync", s => s.RejectAsync(Nobody, "Matrix"))),
        Answers<ChangeRequestReview>("WaitingForMeAsync", Capability.ReviewChanges, s => s.WaitingForMeAsync()),
        .. Of<GovernanceReader>(Capability.ReadConfiguration,
            ("PublishedAsync", s => s.PublishedAsync()), ("ViewAsync", s => s.ViewAsync(null)), ("VersionAsync", s => s.VersionAsync(1))),
        .. Of<VersionHistoryService>(Capability.ReadConfiguration, ("ListAsync", s => s.ListAsync(0, 10)), ("DiffAsync", s => s.DiffAsync(1, 1))),
        .. Of<VersionHistoryService>(Capability.DraftChanges, ("CreateRollbackAsync", s => s.CreateRollbackAsync(999))),
        .. Of<ChangeRequestReport>(Capability.ReadConfiguration,
            ("ExportAsync", s => s.ExportAsync(Nobody)), ("ExportPeriodAsync", s => s.ExportPeriodAsync(new DateTime(2099, 1, 1), new DateTime(2099, 1, 2)))),
        .. Of<ConfigurationImportService>(Capability.ReadConfiguration, ("ExportAsync", s => s.ExportAsync(null))),
        .. Of<ConfigurationImportService>(Capability.DraftChanges, ("ImportAsync", s => s.ImportAsync("systems: []", "Matrix"))),
        .. Of<MappingWorkbookService>(Capability.ReadConfiguration, ("ExportAsync", s => s.ExportAsync(Nobody))),
        .. Of<MappingWorkbookService>(Capability.DraftChanges, ("ImportAsync", s => s.ImportAsync(Nobody, new MemoryStream([1, 2, 3])))),
        .. Of<ConnectedSystemEditor>(Capability.DraftChanges, ("SaveAsync", s => s.SaveAsync(Nobody, null, System, new Dictionary<string, string?>(), []))),

        .. Of<SyncRunQueries>(Capability.ViewRuns,
            ("ListAsync", s => s.ListAsync(new SyncRunFilter(), 0, 10)), ("GetAsync", s => s.GetAsync(-1)),
            ("OutcomesAsync", s => s.OutcomesAsync(-1, new RecordOutcomeFilter(), 0, 10)), ("LatestPerFlowAsync", s => s.LatestPerFlowAsync()),
            ("FieldLabelsAsync", s => s.FieldLabelsAsync(-1)),
            ("FindRecordAsync", s => s.FindRecordAsync("x", 0, 10))),
        .. Of<InboxRecordTrail>(Capability.ViewRuns, ("FindAsync", s => s.FindAsync(-1))),
        Runner("StartAsync", Capability.StartRuns, (r, a) => r.StartAsync(new SyncRunRequest(Nobody, SyncTrigger.Manual, a.Name), a, CancellationToken.None)),
        Runner("RunAsync", Capability.StartRuns, (r, a) => r.RunAsync(new SyncRunRequest(Nobody, SyncTrigger.Manual, a.Name, DryRun: true), a, CancellationToken.None)),
        Runner("StartReplayAsync", Capability.WorkErrorQueue, (r, a) => r.StartReplayAsync(Nobody, null, a, CancellationToken.None)),
        Runner("ReplayAsync", Capability.WorkErrorQueue, (r, a) => r.ReplayAsync(Nobody, null, a.Name, a, CancellationToken.None)),
        .. Of<ErrorQueueService>(Capability.ViewErrorQueue,
            ("ListAsync", s => s.ListAsync(new ErrorQueueFilter(), 0, 10)), ("GetAsync", s => s.GetAsync(-1)), ("OpenCountsByFlowAsync", s => s.OpenCountsByFlowAsync())),
        Answers<ErrorQueueService>("OpenCountAsync", Capability.ViewErrorQueue, s => s.OpenCountAsync()),
        .. Of<ErrorQueueService>(Capability.WorkErrorQueue, ("DiscardAsync", s => s.DiscardAsync([-1], "Matrix"))),

        .. Of<ReviewQueueService>(Capability.ViewReviewQueue,
            ("ListAsync", s => s.ListAsync(ReviewQueueFilter.Default, 0, 10)), ("GetAsync", s => s.GetAsync(-1)),
            ("NeighboursAsync", s => s.NeighboursAsync(-1, ReviewQueueFilter.Default)), ("StewardsAsync", s => s.StewardsAsync())),
        .. Of<ReviewQueueService>(Capability.WorkReviewQueue, ("AssignAsync", s => s.AssignAsync([-1], "nobody@example.com"))),
        Answers<ReviewQueueService>("WaitingForMeAsync", Capability.WorkReviewQueue, s => s.WaitingForMeAsync()),
        .. Of<ReviewComparisonService>(Capability.ViewReviewQueue, ("CompareAsync", s => s.CompareAsync(-1))),
        .. Of<ReviewMetricsService>(Capability.ViewReviewQueue, ("MetricsAsync", s => s.MetricsAsync())),
        .. Of<UnmergeService>(Capability.ViewReviewQueue, ("PreviewAsync", s => s.PreviewAsync(-1))),
        .. Of<UnmergeService>(Capability.WorkReviewQueue, ("UnmergeAsync", s => s.UnmergeAsync(-1, false))),
        .. Of<ReviewDecisions>(Capability.WorkReviewQueue,
            ("NotDuplicateAsync", s => s.NotDuplicateAsync([-1])), ("DeferAsync", s => s.DeferAsync([-1], new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc)))),
        .. Of<MergeService>(Capability.WorkReviewQueue, ("MergeAsync", s => s.MergeAsync(new MergeRequest(-1, "a", new Dictionary<string, string>())))),
        .. Of<HeldChangeService>(Capability.WorkReviewQueue, ("ApplyAsync", s => s.ApplyAsync(-1)), ("DismissAsync", s => s.DismissAsync(-1))),
        .. Of<BulkMerger>(Capability.WorkReviewQueue, ("MergeWithDefaultsAsync", s => s.MergeWithDefaultsAsync([-1], 0.99))),
        .. Of<DuplicateScanService>(Capability.ViewDuplicateScans,
            ("ListAsync", s => s.ListAsync(0, 10)), ("GetAsync", s => s.GetAsync(-1)),
            ("ClustersAsync", s => s.ClustersAsync(-1, 0, 10)), ("PairsAsync", s => s.PairsAsync(-1, null, 0, 10)),
            ("RecordNamesAsync", s => s.RecordNamesAsync(-1, ["C-00001"]))),
        .. Of<DuplicateScanService>(Capability.RunDuplicateScans,
            ("ChoicesAsync", s => s.ChoicesAsync()), ("RequestAsync", s => s.RequestAsync(Nobody, Nobody)), ("CancelAsync", s => s.CancelAsync(-1))),
        .. Of<DuplicateScanFeeder>(Capability.RunDuplicateScans, ("FeedAsync", s => s.FeedAsync(-1))),
        .. Of<AssessmentService>(Capability.ViewDataQuality,
            ("ListAsync", s => s.ListAsync(0, 10)), ("GetAsync", s => s.GetAsync(-1)), ("FieldsAsync", s => s.FieldsAsync(-1))),
        .. Of<AssessmentService>(Capability.RunAssessments,
            ("ChoicesAsync", s => s.ChoicesAsync()), ("RequestAsync", s => s.RequestAsync(Nobody, Nobody)), ("CancelAsync", s => s.CancelAsync(-1))),
        .. Of<KnownIssueService>(Capability.ViewDataQuality, ("ListAsync", s => s.ListAsync(Nobody, Nobody))),
        .. Of<AssessmentTrends>(Capability.ViewDataQuality,
            ("TrendAsync", s => s.TrendAsync(Nobody, Nobody)), ("LatestAsync", s => s.LatestAsync([(Nobody, Nobody)])), ("OverviewAsync", s => s.OverviewAsync())),
        .. Of<KnownIssueService>(Capability.AcceptFindings,
            ("AcceptAsync", s => s.AcceptAsync(Nobody, Nobody, "email", FindingKind.NotConforming, "Matrix", new DateOnly(2099, 1, 1))), ("WithdrawAsync", s => s.WithdrawAsync(-1))),
        .. Of<FieldRationalisationService>(Capability.ViewDataQuality,
            ("ListAsync", s => s.ListAsync(new(), 0, 10)), ("GetAsync", s => s.GetAsync(Nobody)), ("RowsAsync", s => s.RowsAsync(new())),
            ("FiltersAsync", s => s.FiltersAsync())),
        .. Of<FieldRationalisationWorkbook>(Capability.ViewDataQuality, ("ExportAsync", s => s.ExportAsync(new()))),
        .. Of<FieldRetirementService>(Capability.ViewDataQuality, ("GetAsync", s => s.GetAsync(-1))),
        .. Of<FieldRetirementService>(Capability.DraftChanges,
            ("ProposeAsync", s => s.ProposeAsync(Nobody, "Matrix")), ("StartNextStepAsync", s => s.StartNextStepAsync(-1)), ("AbandonAsync", s => s.AbandonAsync(-1))),
        .. Of<ScenarioService>(Capability.ReadConfiguration,
            ("ConfigurationAsync", s => s.ConfigurationAsync(null)), ("SuiteAsync", s => s.SuiteAsync(Nobody, null)),
            ("RunSuiteAsync", s => s.RunSuiteAsync(Nobody, null)), ("LibraryAsync", s => s.LibraryAsync(Nobody, null)),
            ("TryAsync", s => s.TryAsync(new Scenario { Id = Nobody, FlowId = Nobody, Name = "Matrix" }, null))),
        .. Of<ScenarioCapture>(Capability.DraftChanges,
            ("FromOutcomeAsync", s => s.FromOutcomeAsync(-1)), ("FromErrorQueueAsync", s => s.FromErrorQueueAsync(-1))),
        // Readers of the configuration, and the acceptance reviewers named on the request (none on an unknown one).
        .. Of<ChangeRequestScenarios>(Capability.ReadConfiguration,
            ("TrialAsync", s => s.TrialAsync(Nobody)), ("ChecksAsync", s => s.ChecksAsync(Nobody))),
        .. Of<ChangeRequestScenarios>(Capability.OverrideScenarios, ("OverrideAsync", s => s.OverrideAsync(Nobody, "Matrix access test reason"))),
        .. Of<SignOffService>(Capability.ReadConfiguration, ("ListAsync", s => s.ListAsync(Nobody)), ("SubjectAsync", s => s.SubjectAsync(Nobody))),
        .. Of<SignOffService>(Capability.DraftChanges,
            ("RequestAsync", s => s.RequestAsync(Nobody, "nobody@example.com")), ("RemoveAsync", s => s.RemoveAsync(Nobody))),
        // A reviewer's own answer: any signed-in person (every role holds ViewIncidents); only the person named can answer.
        .. Of<SignOffService>(Capability.ViewIncidents, ("DecideAsync", s => s.DecideAsync(Nobody, SignOffDecision.SignedOff, null))),
        Answers<SignOffService>("WaitingForMeAsync", Capability.ViewIncidents, s => s.WaitingForMeAsync()),

        .. Of<IncidentQueries>(Capability.ViewIncidents,
            ("ListAsync", s => s.ListAsync(new IncidentFilter(), 0, 10)), ("GetAsync", s => s.GetAsync(-1))),
        .. Of<FlowHealth>(Capability.ViewIncidents, ("ListAsync", s => s.ListAsync())),
        .. Of<OwnershipView>(Capability.ViewOwnership, ("ReadAsync", s => s.ReadAsync())),
        // A person's own notifications and preferences: every query is bound to the caller's email.
        .. Of<NotificationInbox>(Capability.ViewIncidents,
            ("UnreadCountAsync", s => s.UnreadCountAsync()), ("ListAsync", s => s.ListAsync(0, 10)),
            ("MarkReadAsync", s => s.MarkReadAsync(-1)), ("MarkAllReadAsync", s => s.MarkAllReadAsync())),
        .. Of<NotificationPreferencesService>(Capability.ViewIncidents,
            ("GetAsync", s => s.GetAsync()), ("SaveAsync", s => s.SaveAsync([IncidentSeverity.Critical], true, [IncidentSeverity.Critical], true, null, null, "UTC"))),
        .. Of<NotificationWebhookService>(Capability.ManageNotificationChannels,
            ("ListAsync", s => s.ListAsync()), ("CreateAsync", s => s.CreateAsync("Matrix", "https://hooks.example.com/matrix", [IncidentSeverity.High], "matrix-secret-0123456789")),
            ("SetEnabledAsync", s => s.SetEnabledAsync(Nobody, false)), ("DeleteAsync", s => s.DeleteAsync(Nobody)), ("SendTestAsync", s => s.SendTestAsync(Nobody))),
        .. Of<IncidentService>(Capability.WorkIncidents,
            ("AcknowledgeAsync", s => s.AcknowledgeAsync(-1)), ("CommentAsync", s => s.CommentAsync(-1, "Matrix")),
            ("ChangeSeverityAsync", s => s.ChangeSeverityAsync(-1, IncidentSeverity.Low, "Matrix")),
            ("ResolveAsync", s => s.ResolveAsync(-1, "Matrix", ResolutionCategory.Other))),
        .. Of<IncidentService>(Capability.ReportIncidents,
            ("ReportAsync", s => s.ReportAsync(new IncidentReport("Matrix", "Access test", IncidentSeverity.Low) { ObjectId = Nobody }))),
        .. Of<IncidentService>(Capability.DraftChanges, ("DraftRollbackAsync", s => s.DraftRollbackAsync(-1))),
        .. Of<IncidentService>(Capability.ViewIncidents, ("PermissionsAsync", s => s.PermissionsAsync(-1))),
        Answers<IncidentService>("WaitingForMeAsync", Capability.ViewIncidents, s => s.WaitingForMeAsync()) with
        {
            AnswersNothing = r => r is MyIncidents { IsEmpty: true },
        },
        .. Of<IncidentMetrics>(Capability.ViewIncidents,
            ("FiguresAsync", s => s.FiguresAsync(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2099, 1, 2, 0, 0, 0, DateTimeKind.Utc)))),

        // Insights: a business owner holds them scoped (their objects); an unknown object or version answers "not found" past the check.
        .. Of<InsightsDashboard>(Capability.ViewInsights, ("LoadAsync", s => s.LoadAsync(FarFuture))),
        .. Of<InsightsComparison>(Capability.ViewInsights, ("CompareAsync", s => s.CompareAsync(999_999))),
        .. Of<InsightsDrill>(Capability.ViewInsights,
            ("RunsAsync", s => s.RunsAsync(new DrillQuery(InsightCards.RecordsMoved, FarFuture), 0, 10)),
            ("RecordsAsync", s => s.RecordsAsync(new DrillQuery(InsightCards.RecordsMoved, FarFuture), null, 0, 10)),
            ("ItemsAsync", s => s.ItemsAsync(new DrillQuery(InsightCards.Mttr, FarFuture), 0, 10))),
        .. Of<BaselineService>(Capability.ViewInsights, ("ListAsync", s => s.ListAsync())),
        .. Of<BaselineService>(Capability.ManageBaselines,
            ("SetAsync", s => s.SetAsync(Nobody, null, "Matrix", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 28))), ("RemoveAsync", s => s.RemoveAsync(-1))),
        .. Of<InsightsRebuild>(Capability.RebuildInsights, ("RebuildAsync", s => s.RebuildAsync(null, CancellationToken.None))),

        .. Of<AuditLogService>(Capability.ReadAudit,
            ("QueryAsync", s => s.QueryAsync(Future, 0, 10)), ("PageAsync", s => s.PageAsync(Future, 0, 10)), ("SearchExceedsLimitAsync", s => s.SearchExceedsLimitAsync(Future)),
            ("EntityTypesAsync", s => s.EntityTypesAsync()), ("ActorsAsync", s => s.ActorsAsync()), ("SourcesAsync", s => s.SourcesAsync()),
            ("ChangeRequestChoicesAsync", s => s.ChangeRequestChoicesAsync(null, 5)), ("ChangeRequestLabelsAsync", s => s.ChangeRequestLabelsAsync([Nobody]))),
        .. Of<AuditVerificationRequests>(Capability.ReadAudit, ("RequestAsync", s => s.RequestAsync())),
        .. Of<AuditExporter>(Capability.ExportAudit,
            ("ExportAsync", s => s.ExportAsync(Future, Stream.Null, new AuditExportOptions("matrix"))), ("CountAsync", s => s.CountAsync(Future))),
        .. Of<AuditExportService>(Capability.ExportAudit,
            ("RequestAsync", s => s.RequestAsync(Future)), ("MineAsync", s => s.MineAsync(0, 10)), ("GetAsync", s => s.GetAsync(Nobody)),
            ("CancelAsync", s => s.CancelAsync(Nobody)), ("OpenAsync", s => s.OpenAsync(Nobody))),

        .. Of<UserAdminService>(Capability.ManageUsers,
            ("ListAsync", s => s.ListAsync(null, 0, 10)), ("CreateAsync", s => s.CreateAsync(new NewUser())),
            ("AddRoleAsync", s => s.AddRoleAsync("nobody", Roles.Steward)), ("RemoveRoleAsync", s => s.RemoveRoleAsync("nobody", Roles.Steward)),
            ("SetDisabledAsync", s => s.SetDisabledAsync("nobody", true)), ("ResetTwoFactorAsync", s => s.ResetTwoFactorAsync("nobody"))),
        .. Of<InboundKeyService>(Capability.ManageInboundKeys,
            ("ListAsync", s => s.ListAsync(0, 10)), ("WebhookSystemsAsync", s => s.WebhookSystemsAsync()),
            ("IssueAsync", s => s.IssueAsync("nobody", "Matrix")), ("RevokeAsync", s => s.RevokeAsync(Nobody))),
        .. Of<Core.Features.Insights.Exports.InsightsWorkbook>(Capability.ViewInsights,
            ("ExportAsync", s => s.ExportAsync(new Core.Features.Insights.Dashboard.InsightsFilter(new DateOnly(2099, 1, 1), new DateOnly(2099, 1, 7))))),
        // A person's own tokens: any signed-in user, which is everyone holding ViewIncidents (every role); creating one
        // needs the capability its scope reads. The matrix's users do not exist, so creating answers a message, not a token.
        .. Of<AccessTokenService>(Capability.ViewIncidents,
            ("ListAsync", s => s.ListAsync()), ("RevokeAsync", s => s.RevokeAsync(Nobody)),
            ("CreateAsync", s => s.CreateAsync("Matrix", 30, AccessTokenScopes.IncidentsRead))),
    ];

    /// <summary>Public methods of the services above that are not entry points, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotEntryPoints = new Dictionary<string, string>
    {
        ["ChangeRequestReview.MayReviewAsync"] = "a question about a request the caller already read; answers false, changes and reveals nothing",
        ["KnownIssueService.MayAcceptAsync"] = "a question about the caller's own rights on an object; answers false, changes and reveals nothing",
    };

    /// <summary>Types that act for a person but are not entry points: the audit writer, the first-run setup.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotServices = new Dictionary<Type, string>
    {
        [typeof(AuditTrail)] = "writes audit rows for whoever acts; called by the services after their own check",
        [typeof(ScenarioGate)] = "change control's scenario check: runs inside submission and approval, after their own checks",
        [typeof(SignOffGate)] = "change control's sign-off check: runs inside approval, after its own checks (it reads who approves)",
        [typeof(Core.Features.FirstRun.FirstRunService)] = "the one-time /setup page: open to anyone until the first admin exists, then closed",
    };

    private static IEnumerable<ServiceEntry> Of<TService>(Capability capability, params (string Method, Func<TService, Task> Call)[] calls)
        where TService : notnull =>
        calls.Select(c => new ServiceEntry(typeof(TService), c.Method, capability, async services =>
        {
            var task = c.Call(services.GetRequiredService<TService>());
            await task;
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }));

    private static ServiceEntry Answers<TService>(string method, Capability capability, Func<TService, Task> call) where TService : notnull =>
        Of(capability, (method, call)).Single() with { AnswersNothing = r => r is 0 || (r is System.Collections.ICollection { Count: 0 }) };

    private static ServiceEntry Runner(string method, Capability capability, Func<SyncRunner, ActorContext, Task> call) =>
        new(typeof(SyncRunner), method, capability, async services =>
        {
            await call(services.GetRequiredService<SyncRunner>(), services.GetRequiredService<ActorContext>());
            return null;
        });
}
