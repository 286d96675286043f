using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Matching as the worker does it: a <see cref="MatchIndex"/> of existing synthetic contacts (bulk-built, not timed), then
/// each incoming record matched against it (timed) — half of them another record of an existing person, half new
/// people. Reports how many found their person and how many new people were wrongly auto-matched. The last line is
/// <c>match_incremental_seconds=&lt;n&gt;</c>.
/// </summary>
public sealed class MatchIncrementalBenchmark : IBenchmarkCommand
{
    public string Name => "match-incremental";

    public string Usage => "incoming contacts matched against an index of existing ones  [--existing 1000000] [--incoming 10000] [--seed 20261126]";

    public Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var existingCount = options.Number("existing", 1_000_000);
        var incomingCount = options.Number("incoming", 10_000);
        var seed = options.Number("seed", 20261126, min: 0);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"match-incremental: {incomingCount:N0} incoming against {existingCount:N0} existing synthetic contacts, default contact rule, seed {seed}; {MemoryMeter.MachineLine()}"));

        var generation = Stopwatch.StartNew();
        var generator = new ContactGenerator(seed);
        var existing = generator.Generate(existingCount);
        var incoming = generator.Incoming(existing, incomingCount);
        Console.WriteLine(string.Create(c, $"data generation (not measured): {generation.Elapsed.TotalSeconds:F1} s"));

        var index = new MatchIndex(MatchModel.Compile(DefaultMatchRules.Contact(MatchScanBenchmark.RuleId, MatchScanBenchmark.ContactObjectId)));
        var build = Stopwatch.StartNew();
        index.PutRange(existing.Records);
        build.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        MemoryMeter.StartNewPeak();
        Console.WriteLine(string.Create(c,
            $"index build (not measured, bulk PutRange): {index.Count:N0} records in {build.Elapsed.TotalSeconds:F1} s; managed heap {MemoryMeter.ManagedHeapMegabytes():F0} MB after it"));

        var comparedBefore = index.Compared;
        var best = new MatchCandidate?[incoming.Count];
        var cpuBefore = ScanProgressLog.ProcessCpu();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < incoming.Count; i++)
        {
            var candidates = index.Match(incoming[i].Record);
            best[i] = candidates.Count == 0 ? null : candidates[0];
        }
        clock.Stop();
        var cpu = ScanProgressLog.ProcessCpu() - cpuBefore;
        cancellationToken.ThrowIfCancellationRequested();
        var seconds = clock.Elapsed.TotalSeconds;
        var compared = index.Compared - comparedBefore;
        Console.WriteLine(string.Create(c,
            $"matching: {incoming.Count:N0} records in {seconds:F2} s = {incoming.Count / seconds:N0} records/s, {clock.Elapsed.TotalMicroseconds / incoming.Count:F0} µs each, process CPU {cpu.TotalSeconds:F2} s; {compared:N0} candidate pairs scored ({(double)compared / incoming.Count:F1} a record); peak resident {MemoryMeter.PeakMegabytes():F0} MB"));
        foreach (var line in Outcomes(incoming, best, existing))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine(string.Create(c, $"match_incremental_seconds={seconds:F2}"));
        return Task.FromResult(0);
    }

    /// <summary>For duplicates: was the best candidate their person, and was it auto-matched. For new people: did anything auto-match.</summary>
    private static IEnumerable<string> Outcomes(IReadOnlyList<IncomingContact> incoming, MatchCandidate?[] best, SyntheticContacts existing)
    {
        int duplicates = 0, found = 0, foundAuto = 0, wrongAuto = 0, newPeople = 0, newAuto = 0, newReview = 0;
        for (var i = 0; i < incoming.Count; i++)
        {
            var top = best[i];
            var auto = top?.Score.Decision == MatchDecision.AutoMatch;
            var right = top is not null && existing.EntityOfId(top.Id) == incoming[i].Entity;
            if (incoming[i].IsDuplicate)
            {
                duplicates++;
                found += right ? 1 : 0;
                foundAuto += right && auto ? 1 : 0;
                wrongAuto += !right && auto ? 1 : 0;
            }
            else
            {
                newPeople++;
                newAuto += auto ? 1 : 0;
                newReview += top is not null && !auto ? 1 : 0;
            }
        }
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c,
            $"duplicates of existing people: {duplicates:N0}; best candidate is their person for {found:N0} ({Percent(found, duplicates)}), auto-matched {foundAuto:N0} ({Percent(foundAuto, duplicates)}), review {found - foundAuto:N0}; auto-matched to someone else {wrongAuto:N0}");
        yield return string.Create(c,
            $"new people: {newPeople:N0}; auto-matched to an existing person (wrong) {newAuto:N0} ({Percent(newAuto, newPeople)}), sent to review {newReview:N0} ({Percent(newReview, newPeople)})");
    }

    private static string Percent(int part, int whole) => string.Create(CultureInfo.InvariantCulture, $"{(whole == 0 ? 0 : 100.0 * part / whole):F1} %");
}
