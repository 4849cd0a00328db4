namespace CityScreen.Server.Hosting;

/// <summary>Whether the store, the silo and the area grains are ready; /healthz and ingest ask it.</summary>
public sealed class Readiness
{
    private volatile string _state = "starting";

    public bool IsReady => _state == "ready";
    public string State => _state;

    public void Set(string state) => _state = state;
}
