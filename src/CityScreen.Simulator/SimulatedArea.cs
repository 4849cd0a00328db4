namespace CityScreen.Simulator;

/// <summary>
/// A grid (网格) the simulator may place events in. <paramref name="Lon"/>/<paramref name="Lat"/> is a point
/// inside the grid (WGS84); cases are located a little around it. 0,0 means "no coordinates known": cases
/// then carry no location.
/// </summary>
public sealed record SimulatedArea(
    string GridId,
    string CommunityId,
    double Lon,
    double Lat,
    int Households,
    int MembersExpected);
