using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

/// <summary>The reader against a system that answers pages from a list (what the SQL connector does is in AssessmentTests).</summary>
public sealed class AssessmentReaderTests
{
    private static readonly FieldDefinition Email = new() { Id = Guid.NewGuid(), SystemId = Guid.NewGuid(), ObjectId = Guid.NewGuid(), Name = "email", Type = FieldType.Email };

    private static AssessmentProfiler Profiler() => new([Email], "GB", DateTime.UtcNow.AddYears(-2));

    [Fact]
    public async Task Pages_grow_from_500_to_5000_every_record_is_read_once_and_progress_is_told_per_page()
    {
        var system = new PagedSystem(Enumerable.Range(0, 12_345).Select(i => $"r{i:D5}").ToList());
        var profiler = Profiler();
        var told = new List<long>();

        await AssessmentReader.ReadAsync(system, "contact", "CRM", profiler, 0, (n, _) => { told.Add(n); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(12_345, profiler.Records);
        Assert.Equal([500, 1_000, 2_000, 4_000, 5_000, 5_000], system.Sizes.Take(6));
        Assert.Equal(500, told[0]);
        Assert.Equal(12_345, told[^1]);
    }

    [Fact]
    public async Task A_system_whose_cursor_does_not_move_stops_the_assessment_with_the_reason()
    {
        var system = new PagedSystem(Enumerable.Range(0, 2_000).Select(i => $"r{i:D5}").ToList(), stuckAfter: 1);

        var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AssessmentReader.ReadAsync(system, "contact", "CRM", Profiler(), 0, (_, _) => Task.CompletedTask, CancellationToken.None));

        Assert.Contains("without moving its cursor", stopped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_that_fails_while_the_next_page_is_read_ahead_fails_the_assessment_with_its_error()
    {
        var system = new PagedSystem(Enumerable.Range(0, 3_000).Select(i => $"r{i:D5}").ToList(), failOnCall: 2);

        await Assert.ThrowsAsync<SystemUnavailableException>(() =>
            AssessmentReader.ReadAsync(system, "contact", "CRM", Profiler(), 0, (_, _) => Task.CompletedTask, CancellationToken.None));
    }

    private sealed class PagedSystem(List<string> ids, int stuckAfter = -1, int failOnCall = -1) : ISyncConnector
    {
        private int _calls;

        public List<int> Sizes { get; } = [];

        public Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            if (call == failOnCall)
            {
                throw new SystemUnavailableException("The CRM timed out.");
            }
            lock (Sizes)
            {
                Sizes.Add(max);
            }
            var from = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            if (stuckAfter >= 0 && call > stuckAfter)
            {
                from = 0;
            }
            var records = ids.Skip(from).Take(max).Select(id => new ConnectorRecord(id, new Dictionary<string, string?> { ["email"] = id + "@example.com" })).ToList();
            var next = stuckAfter >= 0 && call > stuckAfter ? cursor : (from + records.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(new ChangePage(records, records.Count == 0 ? cursor : next));
        }

        public Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(new ConnectorHealth(true, "ok"));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
