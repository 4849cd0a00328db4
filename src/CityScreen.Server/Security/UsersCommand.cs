using CityScreen.Server.Hosting;
using CityScreen.Storage;
using CityScreen.Storage.Security;

namespace CityScreen.Server.Security;

/// <summary>
/// <c>dotnet run --project src/CityScreen.Server -- users add|passwd|remove|list …</c>: local accounts
/// in the same store the server uses (same configuration, so <c>--CityScreen:Storage:SqlitePath</c>, the postgres provider
/// and the other settings work here too).
/// </summary>
public static class UsersCommand
{
    private static readonly string Usage = $"""
        usage:
          users add NAME --role admin|operator|leader|wall [--area AREA_ID] [--password PASSWORD]
          users passwd NAME [--password PASSWORD]
          users remove NAME
          users list
        Without --password a password is generated and printed once; a given one needs at least
        {PasswordPolicy.MinLength} characters. passwd and remove revoke the account's sessions. Configuration options
        (--CityScreen:Storage:SqlitePath …) may follow.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var (positional, named, config) = Split(args);
        if (positional.Count == 0) return Fail("name a command");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = config.ToArray(), ApplicationName = typeof(UsersCommand).Assembly.GetName().Name });
        CityScreenDatabase database;
        try { database = CityScreenDatabase.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath); }
        catch (InvalidOperationException e) { return Fail(e.Message); }
        // The server's store: with the postgres provider, the database every host of the cluster reads.
        var store = new SecurityStore(database);
        await store.InitializeAsync();
        var now = DateTimeOffset.UtcNow;

        switch (positional[0])
        {
            case "list":
                foreach (var a in await store.ListAccountsAsync())
                    Console.WriteLine($"{a.Name}\t{a.Role}\t{a.AreaId ?? "全市"}\t{a.CreatedAt:yyyy-MM-dd}");
                return 0;
            case "add" when positional.Count == 2:
            {
                var name = positional[1];
                if (name.Length > 100 || name.Contains(':')) return Fail("NAME must be at most 100 characters and without ':'");
                if (!named.TryGetValue("role", out var role) || !Roles.Assignable.Contains(role))
                    return Fail($"--role must be one of {string.Join(", ", Roles.Assignable)}");
                named.TryGetValue("area", out var area);
                if (Roles.NeedsArea(role) && string.IsNullOrEmpty(area)) return Fail($"a {role} is bound to an area: give --area AREA_ID");
                if (!string.IsNullOrEmpty(area) && !AreaConfiguration.Load(builder.Configuration, builder.Environment.ContentRootPath).TryGet(area, out _))
                    return Fail($"there is no area with id '{area}'");
                if (await store.FindAccountAsync(name) is not null) return Fail($"the account '{name}' exists; use passwd or remove it first");
                if (PasswordFrom(named) is not { } password) return Fail(PasswordPolicy.Problem(named["password"])!);
                await store.SaveAccountAsync(new Account(name, role, string.IsNullOrEmpty(area) ? null : area, Secrets.HashPassword(password), now));
                await store.AppendAuditAsync(now, $"cli ({Environment.UserName})", "account.added", $"{name} {role} area={area ?? "city"}");
                Console.WriteLine($"added {name} ({role}{(string.IsNullOrEmpty(area) ? "" : ", " + area)})");
                if (!named.ContainsKey("password")) Console.WriteLine($"password: {password}");
                return 0;
            }
            case "passwd" when positional.Count == 2:
            {
                if (await store.FindAccountAsync(positional[1]) is not { } account) return Fail($"there is no account '{positional[1]}'");
                if (PasswordFrom(named) is not { } password) return Fail(PasswordPolicy.Problem(named["password"])!);
                await store.SaveAccountAsync(account with { PasswordHash = Secrets.HashPassword(password) });
                // Screens open with the old password close at their next check (docs/security.md).
                var ended = await store.RevokeSessionsOfAsync(account.Name, now);
                await store.AppendAuditAsync(now, $"cli ({Environment.UserName})", "account.password", $"{account.Name}, {ended} sessions revoked");
                Console.WriteLine($"changed the password of {account.Name}; revoked {ended} sessions");
                if (!named.ContainsKey("password")) Console.WriteLine($"password: {password}");
                return 0;
            }
            case "remove" when positional.Count == 2:
            {
                if (!await store.RemoveAccountAsync(positional[1])) return Fail($"there is no account '{positional[1]}'");
                var ended = await store.RevokeSessionsOfAsync(positional[1], now);
                await store.AppendAuditAsync(now, $"cli ({Environment.UserName})", "account.removed", $"{positional[1]}, {ended} sessions revoked");
                Console.WriteLine($"removed {positional[1]}; revoked {ended} sessions");
                return 0;
            }
            default:
                return Fail($"unknown command or wrong arguments: users {string.Join(' ', positional)}");
        }
    }

    /// <summary>The given password when the policy allows it (null otherwise), or a generated one.</summary>
    private static string? PasswordFrom(Dictionary<string, string> named) =>
        named.TryGetValue("password", out var p) && p.Length > 0 ? (PasswordPolicy.Problem(p) is null ? p : null) : Secrets.NewPassword();

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    /// <summary>Words, the command's own options (--role x), and configuration options (--Section:Key value) for the host's configuration.</summary>
    private static (List<string> Positional, Dictionary<string, string> Named, List<string> Config) Split(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var config = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--role" or "--area" or "--password" && i + 1 < args.Length) named[a[2..]] = args[++i];
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                config.Add(a);
                if (!a.Contains('=') && i + 1 < args.Length) config.Add(args[++i]);
            }
            else positional.Add(a);
        }
        return (positional, named, config);
    }
}
