using CityScreen.Simulator.Http;

namespace CityScreen.LoadGenerator;

/// <summary>Counters the senders add to and the once-a-second summary reads.</summary>
internal sealed class LoadStats
{
    private long _sent;
    private long _accepted;
    private long _duplicates;
    private long _retries;
    private long _errors;
    private long _sentAtLastLine;

    public long Sent => Interlocked.Read(ref _sent);

    public long Errors => Interlocked.Read(ref _errors);

    public void Add(PostResult result, int events)
    {
        Interlocked.Add(ref _sent, events);
        Interlocked.Add(ref _retries, result.Retries);
        if (result.Outcome != PostOutcome.Accepted)
        {
            Interlocked.Increment(ref _errors);
            return;
        }
        Interlocked.Add(ref _accepted, result.Accepted);
        Interlocked.Add(ref _duplicates, result.Duplicates);
    }

    /// <summary>One line: totals so far, and events per second since the last line.</summary>
    public string Line(TimeSpan elapsed, TimeSpan sinceLastLine, int backlog)
    {
        var sent = Sent;
        var perSecond = (sent - _sentAtLastLine) / Math.Max(sinceLastLine.TotalSeconds, 0.001);
        _sentAtLastLine = sent;
        return Format(elapsed, sent, perSecond) + (backlog > 0 ? $"  ({backlog} batches waiting)" : "");
    }

    /// <summary>The closing line: totals and the average rate of the whole run.</summary>
    public string Total(TimeSpan elapsed) => Format(elapsed, Sent, Sent / Math.Max(elapsed.TotalSeconds, 0.001)) + "  (total, average rate)";

    private string Format(TimeSpan elapsed, long sent, double perSecond) =>
        $"{elapsed.TotalSeconds,5:F0}s  sent {sent,9}  accepted {Interlocked.Read(ref _accepted),9}  duplicates {Interlocked.Read(ref _duplicates),7}"
            + $"  retries {Interlocked.Read(ref _retries),5}  errors {Errors,4}  {perSecond,7:F0} events/s";
}
