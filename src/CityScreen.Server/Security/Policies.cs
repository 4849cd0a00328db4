namespace CityScreen.Server.Security;

/// <summary>The authorization policies endpoints name.</summary>
public static class Policies
{
    /// <summary>Any identity, including an anonymous reader when configured; the data is then narrowed to its scope.</summary>
    public const string Read = "read";

    public const string Admin = "admin";

    /// <summary>Admins and operators: those who run the command centre's walls (the fleet view, <c>/admin/walls</c>).</summary>
    public const string Operate = "operate";
}
