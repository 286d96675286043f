using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CrmGovernance.Core.Hosting.Telemetry;

namespace CrmGovernance.Core.Tests.Hosting;

/// <summary>
/// Listens to the portal's meter as an exporter would and keeps every measurement with its labels. The meter is
/// process-wide and tests run in parallel, so a test reads only the measurements labelled with its own flow.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public TelemetryRecorder(object? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CrmTelemetry.Name && (scope is null || instrument.Meter.Scope == scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Keep(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Keep(i, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Labels)> Measurements { get; } = new();

    /// <summary>Calls the observable instruments' callbacks (what a scrape does).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The sum of an instrument's values whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string instrument, params (string Key, object Value)[] labels) =>
        Of(instrument, labels).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, object Value)[] labels) => Of(instrument, labels).Count();

    private IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Labels)> Of(string instrument, (string Key, object Value)[] labels) =>
        Measurements.Where(m => m.Instrument == instrument && labels.All(l => m.Labels.TryGetValue(l.Key, out var v) && Equals(v, l.Value)));

    private void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct
    {
        var labels = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            labels[tag.Key] = tag.Value;
        }
        Measurements.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), labels));
    }

    public void Dispose() => _listener.Dispose();
}
