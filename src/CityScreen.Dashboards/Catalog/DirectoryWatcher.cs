namespace CityScreen.Dashboards.Catalog;

/// <summary>
/// Calls back once the directory has been quiet for the debounce time after a change (an editor's
/// save is several writes, a copy many), and on a slow poll as well, because change notices are
/// lost on some mounts. Every change in the directory counts, not only <c>*.json</c>: a Kubernetes
/// ConfigMap updates its files by renaming a hidden symlink.
/// </summary>
internal sealed class DirectoryWatcher : IDisposable
{
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _debounce;
    private readonly ITimer? _poll;
    private readonly TimeSpan _quiet;

    public DirectoryWatcher(string directory, TimeSpan debounce, TimeSpan poll, TimeProvider time, Action onChange)
    {
        _quiet = debounce > TimeSpan.Zero ? debounce : TimeSpan.FromMilliseconds(1);
        _debounce = time.CreateTimer(_ => onChange(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (poll > TimeSpan.Zero) _poll = time.CreateTimer(_ => onChange(), null, poll, poll);
        // A directory that does not exist yet is found by the poll; watching needs it to exist.
        if (!System.IO.Directory.Exists(directory)) return;
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Poke();
        _watcher.Created += (_, _) => Poke();
        _watcher.Deleted += (_, _) => Poke();
        _watcher.Renamed += (_, _) => Poke();
        // Overflow of the notice buffer: something changed, we do not know what; reload everything.
        _watcher.Error += (_, _) => Poke();
        _watcher.EnableRaisingEvents = true;
    }

    private void Poke() => _debounce.Change(_quiet, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
        _poll?.Dispose();
    }
}
