namespace CityScreen.Simulator.Cases;

/// <summary>Why a report is not filed (不予立案), and why a resolved case goes back (返工).</summary>
internal static class CaseReasons
{
    public static readonly string[] Rejected = ["不属于受理范围", "重复上报", "信息不全无法核实", "现场核实不存在"];

    public static readonly string[] Reopened = ["核查未通过", "群众反映问题未解决", "处置不彻底", "现场复查仍存在问题"];
}
