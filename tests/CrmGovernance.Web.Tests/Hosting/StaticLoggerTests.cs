namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// Tests that read a portal's log file. Serilog's request logging writes through the static <c>Log.Logger</c>, which
/// belongs to whichever host started last, so these run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StaticLoggerTests
{
    public const string Name = "Static logger";
}
