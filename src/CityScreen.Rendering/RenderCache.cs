namespace CityScreen.Rendering;

/// <summary>
/// Renders once per change, not once per viewer (docs/architecture.md, rule 6): every wall circuit showing the
/// same area asks for the same (key, version) and all but the first get the stored SVG.
/// Keeps only the newest version per key and at most <see cref="Capacity"/> keys, least recently used out first.
/// </summary>
public sealed class RenderCache
{
    public const int DefaultCapacity = 2_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new(); // most recently used first

    public RenderCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    /// <summary>
    /// Returns the SVG for <paramref name="key"/> at <paramref name="version"/>, calling
    /// <paramref name="render"/> at most once per (key, version) however many callers race.
    /// A caller still asking for an older version than the one stored gets the newer picture:
    /// a wall always prefers fresher data, and re-rendering stale data would evict the fresh one.
    /// </summary>
    public string GetOrRender(string key, long version, Func<string> render)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(render);

        Lazy<string> picture;
        lock (_gate)
            picture = GetOrAddLocked(key, version, render);

        try
        {
            return picture.Value;
        }
        catch
        {
            // Lazy would replay the exception to every later caller; forget it so the next call retries.
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Picture, picture))
                    Remove(node);
            }
            throw;
        }
    }

    private Lazy<string> GetOrAddLocked(string key, long version, Func<string> render)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            if (node.Value.Version >= version)
                return node.Value.Picture;
            node.Value = new Entry(key, version, NewPicture(render));
            return node.Value.Picture;
        }

        node = _recency.AddFirst(new Entry(key, version, NewPicture(render)));
        _entries.Add(key, node);
        if (_entries.Count > Capacity)
            Remove(_recency.Last!);
        return node.Value.Picture;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        _recency.Remove(node);
    }

    private static Lazy<string> NewPicture(Func<string> render) =>
        new(render, LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record Entry(string Key, long Version, Lazy<string> Picture);
}
