namespace CityScreen.Simulator.Activities;

/// <summary>How much Party-building and service work (党建与服务) the simulated city does.</summary>
internal static class ActivityRules
{
    /// <summary>
    /// Check-ins, volunteer logs and points awarded per case reported: roughly one, which gives a community
    /// of a few hundred expected members enough check-ins a month for a registration rate (PM01) of 60–95 %.
    /// </summary>
    public const double ServicePerCase = 1.0;

    /// <summary>Shares of member.checkin, volunteer.logged, points.awarded in the service stream.</summary>
    public static readonly double[] ServiceMix = [0.45, 0.35, 0.20];

    /// <summary>主题党日 and 三会一课 of grid branches and community committees together, per grid.</summary>
    public const double MeetingsPerGridPerMonth = 2.5;

    /// <summary>Projects from the project list (项目清单) claimed by resident units, per community.</summary>
    public const double ProjectsPerCommunityPerWeek = 2;

    public const double ProjectCompletedShare = 0.7;

    /// <summary>
    /// Events of one project on average: the need it answers, its publication, its claim, and for
    /// the completed share the completion and a resident's rating.
    /// </summary>
    public const double EventsPerProject = 3 + 2 * ProjectCompletedShare;

    /// <summary>Share of meetings and projects that belong to the community rather than one of its grids.</summary>
    public const double CommunityLevelShare = 0.2;

    public static readonly string[] MeetingKinds = ["主题党日", "支部党员大会", "支部委员会", "党小组会", "党课"];

    public static readonly double[] MeetingKindWeights = [0.40, 0.10, 0.20, 0.20, 0.10];
}
