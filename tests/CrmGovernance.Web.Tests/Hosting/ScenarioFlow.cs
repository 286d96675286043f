namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>One flow of a <see cref="FailoverScenario"/>: its cron and the SQLite files of its source and its CRM.</summary>
internal sealed record ScenarioFlow(Guid Id, string Name, string Cron, string SourcePath, string CrmPath);
