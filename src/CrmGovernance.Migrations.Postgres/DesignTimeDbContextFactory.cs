using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server or the web host (no connection is opened).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CrmDbContext>()
        .UseNpgsql("Host=localhost;Database=crmgovernance_design_time", o => o.MigrationsAssembly(DataServices.PostgresMigrationsAssembly))
        .Options);
}
