namespace CityScreen.Simulator.Cases;

/// <summary>The reasons upstream platforms write on the steps that need one.</summary>
internal static class CaseReasons
{
    /// <summary>Why a report is not filed (不予立案).</summary>
    public static readonly string[] Rejected = ["不属于受理范围", "重复上报", "信息不全无法核实", "现场核实不存在"];

    /// <summary>Why a resolved case goes back (核查不通过).</summary>
    public static readonly string[] Reopened = ["核查未通过", "群众反映问题未解决", "处置不彻底", "现场复查仍存在问题"];

    /// <summary>Why a street blows the whistle; the last is for urgent cases.</summary>
    public static readonly string[] Whistled =
        ["派遣后责任部门未及时处置，街道吹哨召集联合处置", "涉及多个部门职责，需联合执法", "问题反复发生，需相关部门到场会商", "情况紧急，需相关部门立即到场"];

    /// <summary>Why a department sends a dispatch back (退回: not its remit).</summary>
    public static readonly string[] Returned = ["非本部门职责，派遣有误", "属地不符，请重新派遣", "涉及其他部门权属，申请退回"];

    /// <summary>Why a department asks for more time (延期).</summary>
    public static readonly string[] Extended = ["需协调多方，申请延期", "涉及工程施工，工期较长", "需采购材料，申请延期"];

    /// <summary>Why the clock of a case is stopped (挂账/暂停) and restarted.</summary>
    public static readonly string[] Suspended = ["等待司法程序结果", "需等待季节性施工条件", "当事人联系不上，暂停处置"];

    public static readonly string[] Resumed = ["恢复处置条件已具备", "已联系到当事人，恢复处置"];
}
