namespace CityScreen.Server.Hosting;

/// <summary>
/// Whether the store, the silo and the area grains are ready; /healthz and ingest ask it. Until
/// then <see cref="State"/> says, in words for an operator, what the host is doing.
/// </summary>
public sealed class Readiness
{
    /// <summary>The state /healthz reports once the host serves (<c>{"status":"ready"}</c>).</summary>
    public const string Ready = "ready";

    private volatile string _state = "starting";
    private volatile bool _ready;

    public bool IsReady => _ready;
    public string State => _state;

    /// <summary>The step the starting host is on.</summary>
    public void Starting(string step) => _state = step;

    public void MarkReady()
    {
        _state = Ready;
        _ready = true;
    }
}
