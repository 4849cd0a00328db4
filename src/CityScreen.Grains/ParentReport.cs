using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Grains;

/// <summary>
/// Hands an area's newest snapshot to its parent until the parent has it. Sent one way, a report
/// was dropped whenever the parent could not be reached at that moment (a host dying takes part of
/// the grain directory with it, so even a parent on a living host may be unaddressable for a few
/// seconds), and the parent then lacked this child's counts until the child changed again, which
/// a quiet grid may never do. The turn that reports does not wait for the answer (rule 2: no area
/// grain's turn awaits another); a failed report is sent again, with the newest snapshot, after
/// <see cref="GrainOptions.ReportRetry"/>. A newer report takes over from an older one.
/// </summary>
internal sealed class ParentReport(IAggregateGrain? parent, TimeSpan retry)
{
    private IndicatorSnapshot? _newest;

    public void Send(IndicatorSnapshot snapshot)
    {
        if (parent is null) return;
        _newest = snapshot;
        _ = DeliverAsync(snapshot);
    }

    private async Task DeliverAsync(IndicatorSnapshot snapshot)
    {
        // Each pass belongs to the activation's scheduler: _newest is read and written by one thread at a time.
        while (true)
        {
            try
            {
                await parent!.ReportAsync(snapshot);
                return;
            }
            catch (Exception)
            {
                // Unreachable, timed out or refused: the parent's host may be dying. Whatever the
                // cause, the parent needs the newest snapshot; a newer send is already carrying it.
            }
            await Task.Delay(retry);
            if (!ReferenceEquals(_newest, snapshot)) return;
        }
    }
}
