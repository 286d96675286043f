using System.Globalization;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Scans;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// A duplicate scan of the CRM's contacts every Monday morning. Before go-live duplicates pile up (every repeated enquiry
/// was a new contact); after it stewards merge the backlog and few new ones arrive, so the rate falls. The pairs between
/// the match thresholds go to the review queue and are decided over the following days.
/// </summary>
internal sealed partial class DemoHistoryLedger
{
    private void Scans()
    {
        var monday = _time.StartUtc.AddDays(((int)DayOfWeek.Monday - (int)_time.StartUtc.DayOfWeek + 7) % 7);
        for (var (at, week) = (monday.AddHours(6), 0); at < _time.EndUtc; (at, week) = (at.AddDays(7), week + 1))
        {
            var records = 1_900 + (week * 40) + _random.Next(15);
            var weeksLive = (at - _time.GoLiveUtc).TotalDays / 7;
            var rate = weeksLive < 0 ? 0.058 + (week * 0.002) : 0.014 + (0.05 * Math.Exp(-weeksLive / 1.8));
            rate *= 0.95 + (_random.NextDouble() * 0.1);
            var duplicates = (int)Math.Round(records * rate);
            var clusters = (int)Math.Round(duplicates / 2.2);
            var pairs = (int)Math.Round(clusters * 1.3);
            var finished = at.AddSeconds(20 + _random.Next(40));
            var scan = new DuplicateScan
            {
                SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, ConfigurationVersion = _time.VersionAt(at), Status = ScanStatus.Completed,
                RequestedBy = Steward, RequestedUtc = at, StartedUtc = at.AddSeconds(2), FinishedUtc = finished, Phase = ScanPhases.Done, Progress = 1,
                RecordsRead = records, CandidatePairs = records * 3, PairsFound = pairs, Clusters = clusters, DuplicateRecords = duplicates,
                DuplicateRate = (double)duplicates / records, FedToReview = (int)Math.Round(pairs * 0.7),
            };
            var history = new HistoryScan(scan, []);
            for (var i = 0; i < scan.FedToReview; i++)
            {
                history.Reviews.Add(Pair(finished));
            }
            DuplicateScans.Add(history);
        }
    }

    /// <summary>
    /// When a steward decided an item: within <paramref name="hours"/> of its arrival, and before the history ends, so the
    /// live demo's queue never holds these generated pairs of unrelated contacts (null only when no time was left).
    /// </summary>
    private DateTime? DecidedAfter(DateTime createdUtc, double hours)
    {
        var room = Math.Min(hours, (_time.EndUtc - createdUtc).TotalHours);
        return room <= 0.05 ? null : createdUtc.AddHours(0.05 + (_random.NextDouble() * (room - 0.05)));
    }

    /// <summary>A pair of CRM contacts a steward merged or kept apart some days after the scan.</summary>
    private ReviewItem Pair(DateTime createdUtc)
    {
        var left = _random.Next(Demo.DemoPeople.CrmCount);
        var right = (left + 1 + _random.Next(Demo.DemoPeople.CrmCount - 1)) % Demo.DemoPeople.CrmCount;
        var decided = DecidedAfter(createdUtc, 100);
        var open = decided is null;
        return new ReviewItem
        {
            ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Crm, LeftRecordId = ContactId(left), RightRecordId = ContactId(right),
            Score = Math.Round(0.8 + (_random.NextDouble() * 0.12), 3), ExplanationJson = "[]", CreatedUtc = createdUtc,
            Status = open ? ReviewStatus.Open : _random.Next(10) < 7 ? ReviewStatus.Merged : ReviewStatus.NotDuplicate,
            DecidedUtc = decided, DecidedBy = open ? null : Steward, HandlingSeconds = decided is { } d ? HandlingSeconds(d) : null,
        };
    }

    private static string ContactId(int index) => "C-" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);
}
