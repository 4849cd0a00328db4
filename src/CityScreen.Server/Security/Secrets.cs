using System.Security.Cryptography;
using System.Text;

namespace CityScreen.Server.Security;

/// <summary>
/// Random secrets and their hashes. Tokens and keys carry 256 random bits, so one SHA-256 is
/// enough to store them; passwords are guessable and get PBKDF2 with a high iteration count.
/// </summary>
public static class Secrets
{
    // OWASP's 2023 figure for PBKDF2-HMAC-SHA512.
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new secret of 256 random bits, URL-safe so it travels in <c>?token=</c>.</summary>
    public static string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A short public id for listing and revoking (not a secret).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"pbkdf2-sha512${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// Checks a sign-in. An unknown account costs the same PBKDF2 as a known one (against a hash of
    /// nothing), so the answer's timing does not tell which names exist.
    /// </summary>
    public static bool VerifySignIn(string password, CityScreen.Storage.Security.Account? account)
    {
        var matches = VerifyPassword(password, account?.PasswordHash ?? UnknownAccountHash.Value);
        return account is not null && matches;
    }

    private static readonly Lazy<string> UnknownAccountHash = new(() => HashPassword(NewSecret("")));

    /// <summary>
    /// A short fingerprint of an account's stored hash: a principal signed in with a password carries
    /// it, and an open screen whose account's password changed since no longer matches.
    /// </summary>
    public static string CredentialStamp(string passwordHash) => Sha256(passwordHash)[..16];

    public static bool VerifyPassword(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha512" || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A password for the generated admin account: 24 characters without look-alikes.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
