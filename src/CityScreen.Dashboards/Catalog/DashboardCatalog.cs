using System.Diagnostics.CodeAnalysis;
using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Rotations;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Catalog;

/// <summary>
/// The layouts and rotations of one directory (<c>dashboards/</c>), validated, by id. Only files
/// directly in the directory are read, and a file that turns invalid keeps its last good version
/// on the walls while its errors are reported: an operator's typo never blanks a wall.
/// </summary>
public sealed class DashboardCatalog : IDisposable
{
    private static readonly EnumerationOptions TopLevelOnly = new()
    {
        RecurseSubdirectories = false,
        // Upper-case names are listed so that they are reported, rather than silently ignored.
        MatchCasing = MatchCasing.CaseInsensitive,
        // Hidden files are editors' locks and backups (".#street.json") and Kubernetes' "..data".
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = true,
    };

    private readonly Lock _reload = new();
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;
    private readonly string _label;
    private Dictionary<string, object> _lastGood = new(StringComparer.Ordinal);
    private string? _fingerprint;
    private DashboardSet _current = DashboardSet.Empty;
    private DirectoryWatcher? _watcher;
    private bool _disposed;

    /// <summary>Loads the directory at once; see <see cref="Errors"/> for what was refused.</summary>
    public DashboardCatalog(string directory, DashboardOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _options = options ?? new DashboardOptions();
        _time = time ?? TimeProvider.System;
        // Errors name files as "dashboards/street.json": enough to find them, and no machine paths on screens or in logs.
        _label = Path.GetFileName(Path.TrimEndingDirectorySeparator(Directory));
        Reload();
    }

    public string Directory { get; }

    public DashboardSet Current => Volatile.Read(ref _current);

    public IReadOnlyDictionary<string, DashboardLayout> Layouts => Current.Layouts;
    public IReadOnlyDictionary<string, Rotation> Rotations => Current.Rotations;
    public IReadOnlyList<DashboardError> Errors => Current.Errors;

    /// <summary>Raised after every load that changed something, in order, on the thread that loaded; keep handlers short.</summary>
    public event EventHandler<DashboardSet>? Changed;

    public bool TryGetLayout(string id, [NotNullWhen(true)] out DashboardLayout? layout) => Current.TryGetLayout(id, out layout);

    public bool TryGetRotation(string id, [NotNullWhen(true)] out Rotation? rotation) => Current.TryGetRotation(id, out rotation);

    public DashboardLayout GetLayout(string id)
    {
        if (!DashboardId.IsValid(id)) throw new ArgumentException($"'{id}' is not {DashboardId.Rule}", nameof(id));
        return TryGetLayout(id, out var layout) ? layout : throw new KeyNotFoundException($"there is no valid layout '{id}' in {_label}");
    }

    /// <summary>Re-reads and re-validates every file now (e.g. after the area tree changed).</summary>
    public DashboardSet Reload() => Load(force: true);

    /// <summary>Reloads on every change in the directory, debounced, until disposed.</summary>
    public void StartWatching()
    {
        lock (_reload)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _watcher ??= new DirectoryWatcher(Directory, _options.ReloadDebounce, _options.PollInterval, _time, OnDirectoryChanged);
        }
    }

    public void Dispose()
    {
        lock (_reload)
        {
            _disposed = true;
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private void OnDirectoryChanged()
    {
        try
        {
            Load(force: false);
        }
        catch (Exception)
        {
            // Only injected code can throw here (a Changed handler, an IsKnownArea callback): reading
            // and validating report rather than throw. The watcher must survive it, or the wall
            // would stop following its files; the next notice or poll tries again.
        }
    }

    private DashboardSet Load(bool force)
    {
        lock (_reload)
        {
            if (_disposed && !force) return _current;
            var files = DirectoryFiles.Read(Directory, _label, TopLevelOnly, _options.MaxFileBytes);
            if (!force && files.Fingerprint == _fingerprint) return _current;

            var next = Validate(files);
            _fingerprint = files.Fingerprint;
            Volatile.Write(ref _current, next);
            Changed?.Invoke(this, next);
            return next;
        }
    }

    private DashboardSet Validate(DirectoryFiles files)
    {
        var errors = new List<DashboardError>(files.Errors);
        var layouts = new Dictionary<string, DashboardLayout>(StringComparer.Ordinal);
        var rotations = new Dictionary<string, Rotation>(StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var pendingRotations = new List<(string Id, string File, Rotation Rotation)>();

        void KeepLastGood(string? id)
        {
            if (id is null || !_lastGood.TryGetValue(id, out var good)) return;
            kept.Add(id);
            if (good is DashboardLayout l) layouts[id] = l;
            else if (good is Rotation r) rotations[id] = r;
        }

        // A file, or the whole directory, that could not be read keeps its last good version too.
        foreach (var id in files.DirectoryFailed ? _lastGood.Keys.ToList() : files.Unreadable) KeepLastGood(id);

        foreach (var file in files.Contents)
        {
            var id = FileIdentity.ExpectedId(file.Name);
            var document = DashboardReader.Read(file.Label, file.Json, _options);
            errors.AddRange(document.Errors);
            if (document.Layout is { } layout) layouts[id!] = layout;
            else if (document.Rotation is { } rotation) pendingRotations.Add((id!, file.Label, rotation));
            else KeepLastGood(id);
        }

        // Rotations are checked against the layouts that will actually be served, kept ones included.
        foreach (var (id, label, rotation) in pendingRotations)
        {
            var sink = new ErrorSink(label);
            RotationReferences.Check(rotation, layouts, sink);
            errors.AddRange(sink.Errors);
            if (sink.Count == 0) rotations[id] = rotation;
            else KeepLastGood(id);
        }

        _lastGood = layouts.ToDictionary(kv => kv.Key, kv => (object)kv.Value, StringComparer.Ordinal);
        foreach (var (id, rotation) in rotations) _lastGood[id] = rotation;

        return new DashboardSet(_current.Version + 1, _time.GetUtcNow(), layouts, rotations, errors, kept);
    }
}
