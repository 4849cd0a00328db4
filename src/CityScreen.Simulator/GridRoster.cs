namespace CityScreen.Simulator;

/// <summary>
/// The grids the simulator plays on, with what each needs drawn quickly: a pick weighted by households
/// (a bigger grid sees more), its community's people, and the places its case titles name.
/// </summary>
internal sealed class GridRoster
{
    private readonly SimulatedArea[] _grids;
    private readonly double[] _cumulativeHouseholds;
    private readonly Community[] _communityOf;
    private readonly GridPlaces[] _places;
    private readonly int[] _streetOf;

    public GridRoster(IReadOnlyList<SimulatedArea> grids)
    {
        ArgumentNullException.ThrowIfNull(grids);
        if (grids.Count == 0) throw new ArgumentException("the simulator needs at least one grid", nameof(grids));
        foreach (var g in grids)
        {
            if (string.IsNullOrWhiteSpace(g.GridId) || string.IsNullOrWhiteSpace(g.CommunityId))
                throw new ArgumentException($"grid '{g.GridId}' needs both a grid id and a community id", nameof(grids));
        }

        _grids = [.. grids];
        _cumulativeHouseholds = new double[_grids.Length];
        var sum = 0.0;
        for (var i = 0; i < _grids.Length; i++)
        {
            // A grid with no household count still sees some events.
            sum += Math.Max(_grids[i].Households, 50);
            _cumulativeHouseholds[i] = sum;
        }

        Communities = [.. _grids.GroupBy(g => g.CommunityId).Select(c => new Community(c.Key, [.. c]))];
        var byId = Communities.ToDictionary(c => c.Id);
        _communityOf = [.. _grids.Select(g => byId[g.CommunityId])];
        _places = [.. _grids.Select(g => GridPlaces.For(g.GridId))];

        var streets = _grids.Select(StreetIdOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        StreetIds = streets;
        _streetOf = [.. _grids.Select(g => streets.IndexOf(StreetIdOf(g)))];
        // A street's department ratings name one leaf area: its first community, the same every run.
        StreetCommunities = [.. streets.Select(s => _grids.Where(g => StreetIdOf(g) == s).Select(g => g.CommunityId).Min(StringComparer.Ordinal)!)];
    }

    /// <summary>The streets (街道) of the grids, by id.</summary>
    public IReadOnlyList<string> StreetIds { get; }

    /// <summary>For each street of <see cref="StreetIds"/>, the community a department rating by that street names.</summary>
    public IReadOnlyList<string> StreetCommunities { get; }

    public int StreetOf(int grid) => _streetOf[grid];

    /// <summary>
    /// The street of a grid: the first 9 digits of its id (a 6-digit county code and a 3-digit street code, as
    /// the statistical division codes run); a city whose ids are not built that way has a street per community.
    /// </summary>
    public static string StreetIdOf(SimulatedArea grid) =>
        grid.GridId.Length >= 12 && grid.GridId.AsSpan(0, 9).IndexOfAnyExceptInRange('0', '9') < 0 ? grid.GridId[..9] : grid.CommunityId;

    public int Count => _grids.Length;

    public IReadOnlyList<Community> Communities { get; }

    public SimulatedArea this[int grid] => _grids[grid];

    public Community CommunityOf(int grid) => _communityOf[grid];

    /// <summary>The grid ids of a community, in the order the grids were given.</summary>
    public IReadOnlyList<string> GridsOf(Community community) =>
        [.. _grids.Where(g => g.CommunityId == community.Id).Select(g => g.GridId)];

    public GridPlaces PlacesOf(int grid) => _places[grid];

    public int PickGrid(ref RandomStream r)
    {
        var x = r.NextDouble() * _cumulativeHouseholds[^1];
        var i = Array.BinarySearch(_cumulativeHouseholds, x);
        return Math.Min(i < 0 ? ~i : i + 1, _grids.Length - 1);
    }
}
