using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Systems.Connectors.Files;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Files;

/// <summary>Which folders connectors may use when the server configures nothing, and which files stay the portal's.</summary>
public sealed class ConnectorRootsTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("crm-roots-tests-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private ConnectorPaths Paths(bool demo, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var options = configuration.GetSection(ConnectorOptions.Section).Get<ConnectorOptions>() ?? new ConnectorOptions();
        return new ConnectorPaths(Options.Create(options), Options.Create(new DatabaseOptions()), [new DemoFileRoots(Options.Create(new DemoOptions { Enabled = demo }))],
            new HostingEnvironment { ContentRootPath = _contentRoot }, configuration);
    }

    [Fact]
    public void By_default_connectors_use_the_connectors_folder_of_the_data_folder_and_the_demo_folder_while_the_demo_is_on()
    {
        var demo = Paths(demo: true);
        var real = Paths(demo: false);

        Assert.Null(demo.Problem("demo/crm.db", out var crm));
        Assert.Equal(Path.Combine(_contentRoot, "data", "demo", "crm.db"), crm);
        Assert.Null(demo.Problem("connectors/leads.csv", out _));
        Assert.Contains("outside the folders connectors may use", real.Problem("demo/crm.db", out _), StringComparison.Ordinal);
        Assert.Null(real.Problem("connectors/leads.csv", out _));
        Assert.Contains("outside the folders connectors may use", real.Problem("leads.csv", out _), StringComparison.Ordinal);
        Assert.Contains("one of the portal's own files", demo.Problem("demo/website-key.txt", out _), StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_that_holds_the_portal_files_still_refuses_them_and_any_file_a_path_setting_names()
    {
        var paths = Paths(false, ("Connectors:FileRoots:0", "."), ("AuditWitness:Folder", "data/witness"), ("Keys:CertificatePath", "secrets/kek.pfx"),
            ("Security:Cookie:Path", "/"));

        // Relative connector paths are in the data folder; the others are given in full.
        Assert.Null(paths.Problem("imports/leads.csv", out _));
        Assert.Null(paths.Problem(Path.Combine(_contentRoot, "imports", "leads.csv"), out _));
        Assert.All(
            ["crmgovernance.db", "crmgovernance.db-shm", "scheduler.db", "exports/audit-1.xlsx", "witness/heads.log",
                .. new[] { "logs/crmgovernance-20261206.log", "appsettings.Production.json", "secrets/kek.pfx" }.Select(f => Path.Combine(_contentRoot, f))],
            file => Assert.Contains("one of the portal's own files", paths.Problem(file, out _), StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_kept_in_the_data_folder_protect_the_log_files_and_not_the_whole_folder()
    {
        var paths = Paths(false, ("Logs:Path", "data/crmgovernance-.log"));

        Assert.Null(paths.Problem("connectors/leads.csv", out _));
        Assert.Contains("one of the portal's own files", paths.Problem("crmgovernance-20261206.log", out _), StringComparison.Ordinal);
    }
}
