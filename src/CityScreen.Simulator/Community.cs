namespace CityScreen.Simulator;

/// <summary>
/// A community (社区) as the activities see it: its Party members expected to register (在职党员), the
/// resident units they come from (驻区单位), its volunteer teams and its Party committee (社区党委).
/// Ids are built from the community id so they stay the same from run to run.
/// </summary>
internal sealed class Community
{
    public Community(string id, IReadOnlyList<SimulatedArea> grids)
    {
        Id = id;
        Members = Math.Max(1, grids.Sum(g => g.MembersExpected));
        var households = grids.Sum(g => Math.Max(g.Households, 0));
        Units = Math.Clamp(households / 400, 3, 20);
        Teams = Math.Clamp(grids.Count / 3, 2, 5);
        // Not every expected member turns up: how many do is a trait of the community, so the
        // registration rate (PM01) differs between communities as it does in the seeds' reports.
        var trait = (GridPlaces.StableHash(id) & 0xFFFF) / 65535.0;
        ActiveMembers = Math.Max(1, (int)Math.Ceiling(Members * (0.6 + 0.35 * trait)));
    }

    public string Id { get; }

    public int Members { get; }

    public int ActiveMembers { get; }

    public int Units { get; }

    public int Teams { get; }

    public string PartyCommittee => $"{Id}-dw";

    public int PickActiveMember(ref RandomStream r) => r.Next(ActiveMembers);

    /// <summary>The members on the community's roster (在职党员报到登记): most of those expected.</summary>
    public int RegisteredMembers => Math.Max(1, (int)Math.Ceiling(Members * Activities.CoBuildingHistory.RegisteredShare));

    /// <summary>The grid a member lives in and registered with, of the community's grids in their order.</summary>
    public static string HomeGrid(int member, IReadOnlyList<string> grids) => grids[member % grids.Count];

    public string MemberId(int member) => $"{Id}-m{member:D4}";

    /// <summary>A member serves with the unit they work in, the same one every time.</summary>
    public string UnitOf(int member) => UnitId(member % Units);

    public string UnitId(int unit) => $"{Id}-unit{unit:D2}";

    public string TeamId(int team) => $"{Id}-team{team}";
}
