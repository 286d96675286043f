using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

public sealed class ScanReadingTests
{
    [Fact]
    public async Task Reading_tells_the_records_read_after_a_first_small_page_then_after_each_larger_one()
    {
        await using var host = await ScanScenario.StartAsync();
        await ScanScenario.AddManyAsync(host.PathOf("crm.db"), 12_000);
        var plan = DuplicateScanPlan.For(ScanScenario.Build(), ScanScenario.Crm, ScanScenario.Contact).Plan!;
        await using var connector = host.Services.GetRequiredService<IConnectorFactory>().Open(plan.System);
        var told = new List<long>();

        var records = await ScanRecordReader.ReadAsync(connector, plan, expected: 0, (read, _) => told.Add(read), CancellationToken.None);

        Assert.Equal(12_000, records.Count);
        Assert.Equal([500L, 1_500, 3_500, 7_500, 12_000], told);
    }
}
