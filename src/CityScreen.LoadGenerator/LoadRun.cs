using System.Diagnostics;
using System.Threading.Channels;
using CityScreen.Contracts.Events;
using CityScreen.Simulator;
using CityScreen.Simulator.Http;

namespace CityScreen.LoadGenerator;

/// <summary>
/// Runs the simulator's clock in real time from now and sends what it produces in batches, several
/// requests at a time, until the duration or the count is reached or the server rejects a batch.
/// </summary>
internal sealed class LoadRun(LoadOptions options, HttpEventSink sink, TextWriter output)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>A partial batch waits at most this long, so events leave now-ish even at low rates.</summary>
    private static readonly TimeSpan MaxBatchAge = TimeSpan.FromSeconds(1);

    private readonly LoadStats _stats = new();
    private string? _rejection;

    /// <returns>0 when every batch was accepted, 1 otherwise.</returns>
    public async Task<int> RunAsync(CitySimulator simulator, CancellationToken cancellationToken)
    {
        // The warm-up takes seconds at high rates; the clock starts once it is done, so the pace is steady
        // from the first second, and occurredAt trails real time by the seconds the warm-up took.
        var started = DateTimeOffset.Now;
        simulator.Start(started);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<IReadOnlyList<CityEvent>>(options.Parallel * 4);
        var clock = Stopwatch.StartNew();

        var senders = Enumerable.Range(0, options.Parallel).Select(_ => SendAsync(batches.Reader, stop)).ToArray();
        var summary = SummariseAsync(clock, batches.Reader, stop.Token);
        try
        {
            await ProduceAsync(simulator, started, batches.Writer, clock, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        batches.Writer.TryComplete();
        await Task.WhenAll(senders);
        await stop.CancelAsync();
        await summary;

        output.WriteLine(_stats.Total(clock.Elapsed));
        if (_rejection is not null) output.WriteLine($"The server rejected a batch (400); stopped.{Environment.NewLine}{_rejection}");
        return _rejection is null && _stats.Errors == 0 ? 0 : 1;
    }

    private async Task ProduceAsync(
        CitySimulator simulator, DateTimeOffset started, ChannelWriter<IReadOnlyList<CityEvent>> writer, Stopwatch clock, CancellationToken ct)
    {
        var pending = new List<CityEvent>();
        var pendingSince = TimeSpan.Zero;
        var left = options.Count ?? long.MaxValue;
        using var timer = new PeriodicTimer(Tick);

        while (left > 0 && clock.Elapsed < options.Duration && await timer.WaitForNextTickAsync(ct))
        {
            var events = simulator.Advance(started + clock.Elapsed);
            if (pending.Count == 0) pendingSince = clock.Elapsed;
            var take = (int)Math.Min(left, events.Count);
            pending.AddRange(events.Take(take));
            left -= take;
            await FlushAsync(writer, pending, whole: clock.Elapsed - pendingSince >= MaxBatchAge, ct);
        }
        await FlushAsync(writer, pending, whole: true, ct);
    }

    /// <summary>Hands on the full batches, and the rest too when <paramref name="whole"/>.</summary>
    private async Task FlushAsync(ChannelWriter<IReadOnlyList<CityEvent>> writer, List<CityEvent> pending, bool whole, CancellationToken ct)
    {
        var count = whole ? pending.Count : pending.Count / options.Batch * options.Batch;
        for (var i = 0; i < count; i += options.Batch)
            await writer.WriteAsync(pending.GetRange(i, Math.Min(options.Batch, count - i)), ct);
        pending.RemoveRange(0, count);
    }

    private async Task SendAsync(ChannelReader<IReadOnlyList<CityEvent>> reader, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var batch in reader.ReadAllAsync(stop.Token))
            {
                var result = await sink.PostAsync(batch, stop.Token);
                _stats.Add(result, batch.Count);
                if (result.Outcome == PostOutcome.Invalid)
                {
                    _rejection ??= result.Problem;
                    await stop.CancelAsync();
                }
                else if (result.Outcome == PostOutcome.Failed)
                {
                    output.WriteLine($"batch failed: {result.StatusCode} {result.Problem}");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task SummariseAsync(Stopwatch clock, ChannelReader<IReadOnlyList<CityEvent>> backlog, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var last = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = clock.Elapsed;
                output.WriteLine(_stats.Line(now, now - last, backlog.Count));
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
