namespace CityScreen.Server.Security;

/// <summary>
/// What a password must be, checked for the preset admin password, the generated ones and every
/// password set with the <c>users</c> CLI: long enough that guessing at the sign-in limits takes
/// longer than anyone will try.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    /// <summary>Why the password is refused, or null when it is good enough.</summary>
    public static string? Problem(string password) =>
        password.Length < MinLength ? $"a password needs at least {MinLength} characters" : null;
}
