namespace CityScreen.Simulator.Cases;

/// <summary>
/// How a department answers, drawn once per department from the seed and kept for the whole run, so some
/// departments are lastingly quicker and better than others and a ranking of them holds from day to day.
/// </summary>
/// <param name="MeanArrivalMinutes">Mean minutes from the whistle to arriving on site when on time.</param>
/// <param name="OnTimeShare">Share of whistles it answers within the limit.</param>
/// <param name="Quality">Share of its cases it solves within the time limit (and how its street rates it).</param>
internal sealed record DepartmentCharacter(double MeanArrivalMinutes, double OnTimeShare, double Quality)
{
    public static DepartmentCharacter Draw(int seed, string departmentId)
    {
        var r = RandomStream.For(seed, GridPlaces.StableHash(departmentId), 0xD3);
        return new(r.Between(8, 26), r.Between(0.72, 0.98), r.Between(0.60, 0.96));
    }
}
