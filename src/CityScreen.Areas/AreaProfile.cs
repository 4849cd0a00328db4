namespace CityScreen.Areas;

/// <summary>
/// Reference data of an area that is not an event: people, Party organisations (党组织), members expected to
/// register (在职党员应报到) and resident units (驻区单位). A parent carries the sums of its children.
/// </summary>
public sealed record AreaProfile(
    int Population,
    int Households,
    int PartyOrganisations,
    int MembersExpected,
    int ResidentUnits,
    bool HasPartyBranch)
{
    public static AreaProfile Empty { get; } = new(0, 0, 0, 0, 0, false);

    /// <summary>The sum of both; <see cref="HasPartyBranch"/> is true when either has one (it only matters for grids).</summary>
    public AreaProfile Add(AreaProfile other) => new(
        Population + other.Population,
        Households + other.Households,
        PartyOrganisations + other.PartyOrganisations,
        MembersExpected + other.MembersExpected,
        ResidentUnits + other.ResidentUnits,
        HasPartyBranch || other.HasPartyBranch);
}
