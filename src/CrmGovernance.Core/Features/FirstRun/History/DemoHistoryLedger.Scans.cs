using CrmGovernance.Core.Features.Sync.Runs;
using System.Globalization;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Scans;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// A duplicate scan of the CRM's contacts every Monday morning, sized like the demo CRM: never more contacts than it
/// holds at the start (<see cref="CrmContacts"/>). Before go-live duplicates pile up (repeated enquiries became second
/// contacts); after it stewards merge the backlog and the rate falls to what a scan of the demo CRM finds today (the
/// contacts it was seeded with twice). The scans are requested by <see cref="DemoHistory.StartedBy"/> and keep no pairs
/// or clusters (the scan page says so and offers nothing to send); the pairs they sent to the review queue name
/// history-only records (<see cref="DemoHistoryMarks"/>), decided over the following days.
/// </summary>
internal sealed partial class DemoHistoryLedger
{
    /// <summary>Contacts in the demo CRM at the start: its people and the ones keyed in twice.</summary>
    public static readonly int CrmContacts = Demo.DemoPeople.CrmCount + Demo.DemoDataSet.ContactsKeyedTwiceCount;

    /// <summary>History-only contact numbers for the pairs the scans sent to review.</summary>
    private int _pairContacts = 50_000;

    private void Scans()
    {
        var monday = _time.StartUtc.AddDays(((int)DayOfWeek.Monday - (int)_time.StartUtc.DayOfWeek + 7) % 7);
        var weeks = (int)Math.Ceiling((_time.EndUtc - monday).TotalDays / 7);
        for (var (at, week) = (monday.AddHours(6), 0); at < _time.EndUtc; (at, week) = (at.AddDays(7), week + 1))
        {
            // The CRM grows towards its size today; duplicates rise until go-live and fall after it to the seeded ones.
            var records = CrmContacts - Math.Max(0, weeks - 1 - week) - _random.Next(2);
            var weeksLive = (at - _time.GoLiveUtc).TotalDays / 7;
            var seeded = Demo.DemoDataSet.ContactsKeyedTwiceCount;
            var duplicates = weeksLive < 0 ? seeded + 8 + week + _random.Next(2) : seeded + (int)Math.Round(10 * Math.Exp(-weeksLive / 1.5));
            var clusters = duplicates - (duplicates / 8);
            var pairs = clusters + (duplicates / 6);
            var finished = at.AddSeconds(4 + _random.Next(10));
            var scan = new DuplicateScan
            {
                SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, ConfigurationVersion = _time.VersionAt(at), Status = ScanStatus.Completed,
                RequestedBy = DemoHistory.StartedBy, RequestedUtc = at, StartedUtc = at.AddSeconds(2), FinishedUtc = finished, Phase = ScanPhases.Done, Progress = 1,
                RecordsRead = records, CandidatePairs = records * 3, PairsFound = pairs, Clusters = clusters, DuplicateRecords = duplicates,
                DuplicateRate = (double)duplicates / records, FedToReview = duplicates - seeded,
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
    /// live demo's queue never holds these generated items (an item that arrived in the history's last minutes was
    /// decided a minute later).
    /// </summary>
    private DateTime DecidedAfter(DateTime createdUtc, double hours)
    {
        var room = Math.Min(hours, (_time.EndUtc - createdUtc).TotalHours);
        return room <= 0.05 ? createdUtc.AddMinutes(1) : createdUtc.AddHours(0.05 + (_random.NextDouble() * (room - 0.05)));
    }

    /// <summary>
    /// A pair of history-only contacts (a contact keyed in twice, long merged away) a steward merged or kept apart some
    /// days after the scan: never two contacts of the demo CRM, which were not merged.
    /// </summary>
    private ReviewItem Pair(DateTime createdUtc)
    {
        var decided = DecidedAfter(createdUtc, 100);
        return new ReviewItem
        {
            ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Crm, LeftRecordId = HistoryContact(), RightRecordId = HistoryContact(),
            Score = Math.Round(0.7 + (_random.NextDouble() * 0.28), 3), ExplanationJson = "[]", CreatedUtc = createdUtc,
            Status = _random.Next(10) < 7 ? ReviewStatus.Merged : ReviewStatus.NotDuplicate,
            DecidedUtc = decided, DecidedBy = Steward, HandlingSeconds = HandlingSeconds(decided),
        };
    }

    /// <summary>A contact only the history knows: "history-C-50012".</summary>
    private string HistoryContact() => DemoHistoryMarks.Record("C-" + (++_pairContacts).ToString("D5", CultureInfo.InvariantCulture));
}
