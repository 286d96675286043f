using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CrmDbContext>()
        .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(DataServices.MigrationsAssembly))
        .Options);
}
