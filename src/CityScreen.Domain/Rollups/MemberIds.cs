namespace CityScreen.Domain.Rollups;

/// <summary>Numbers member ids, so that pooling distinct members over a month unions small integers, not strings.</summary>
public sealed class MemberIds
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public int Of(string member)
    {
        if (!_ids.TryGetValue(member, out var id)) _ids[member] = id = _ids.Count;
        return id;
    }
}
