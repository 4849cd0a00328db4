using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CityScreen.Server.Security;
using CityScreen.Storage.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Tests;

/// <summary>
/// Guessing passwords and tokens: every scheme counts failures per account and per client, and a
/// blocked account answers 429 with Retry-After until its window has passed (issue 16, item 1).
/// </summary>
public class SignInLimitFacts
{
    [Fact]
    public async Task Guessing_a_password_with_http_basic_is_stopped_after_ten_failures_and_the_owner_gets_in_once_the_window_passed()
    {
        var directory = Directory.CreateTempSubdirectory("cityscreen-basic-limit-").FullName;
        await using var server = new ServerProcess(directory,
            "--CityScreen:Auth:FailedSignInsPerAccount", "10", "--CityScreen:Auth:FailedSignInsPerClient", "1000",
            "--CityScreen:Auth:FailureWindow", "00:00:30");
        await server.StartAsync();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var guess = Access.Basic(server.BaseAddress, "admin", $"guess-number-{i}");
            guesses.Add((await guess.GetAsync("/api/admin/audit")).StatusCode);
        }
        using var eleventh = Access.Basic(server.BaseAddress, "admin", "guess-number-10");
        var blocked = await eleventh.GetAsync("/api/admin/audit");
        using var owner = Access.Basic(server.BaseAddress, "admin", ServerProcess.AdminPassword);
        var ownerMeanwhile = await owner.GetAsync("/api/admin/audit");

        Assert.All(guesses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.InRange(blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 30);
        Assert.Equal(HttpStatusCode.TooManyRequests, ownerMeanwhile.StatusCode);
        await Eventually.HoldsAsync(async () => (await owner.GetAsync("/api/admin/audit")).StatusCode == HttpStatusCode.OK,
            "the owner to get in once the window passed", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Guessing_tokens_is_limited_per_client_address()
    {
        var directory = Directory.CreateTempSubdirectory("cityscreen-token-limit-").FullName;
        await using var server = new ServerProcess(directory, "--CityScreen:Auth:AnonymousRead", "false", "--CityScreen:Auth:FailedSignInsPerClient", "5");
        await server.StartAsync();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var guess = Access.Bearer(server.BaseAddress, $"cst_guess-{i}");
            guesses.Add((await guess.GetAsync("/api/areas")).StatusCode);
        }
        using var page = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var urlGuess = await page.GetAsync("/screen?token=cst_guess-url");

        Assert.All(guesses.Take(5), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, guesses[5]);
        Assert.Equal(HttpStatusCode.TooManyRequests, urlGuess.StatusCode);
        Assert.NotNull(urlGuess.Headers.RetryAfter);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Guessing_at_the_sign_in_form_blocks_the_account_for_every_client()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:FailedSignInsPerAccount", "3", "--CityScreen:Auth:SignInAttemptsPerMinute", "100");
        var (browser, field, value) = await FormAsync(host);

        var answers = new List<HttpResponseMessage>();
        foreach (var password in new[] { "guess-one-guess", "guess-two-guess", "guess-three-guess", ServerHost.AdminPassword })
            answers.Add(await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { [field] = value, ["name"] = "admin", ["password"] = password })));
        using var basic = host.AdminClient();
        var sameAccountByBasic = await basic.GetAsync("/api/admin/audit");

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.NotNull(answers[3].Headers.RetryAfter);
        Assert.Contains("登录失败次数过多", await answers[3].Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, sameAccountByBasic.StatusCode);
    }

    [Fact]
    public void An_unknown_account_costs_the_same_password_hash_as_a_known_one()
    {
        var known = new Account("someone", Roles.Operator, null, Secrets.HashPassword("the-right-password"), DateTimeOffset.UtcNow);
        Secrets.VerifySignIn("warm-up", null);

        var knownTime = Time(() => Secrets.VerifySignIn("a-wrong-password", known));
        var unknownTime = Time(() => Secrets.VerifySignIn("a-wrong-password", null));

        Assert.False(Secrets.VerifySignIn("the-right-password", null));
        Assert.True(Secrets.VerifySignIn("the-right-password", known));
        // A PBKDF2 of 210,000 rounds against a dictionary miss: without the dummy hash the unknown
        // name answers a hundred times faster; with it both take about as long.
        Assert.True(unknownTime > knownTime / 3, $"unknown {unknownTime.TotalMilliseconds} ms, known {knownTime.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Passwords_shorter_than_the_minimum_are_refused_everywhere_and_the_docs_examples_are_among_them()
    {
        var examples = DocumentedPasswords().ToList();
        var directory = Directory.CreateTempSubdirectory("cityscreen-password-").FullName;
        string[] store = ["--CityScreen:Storage:SqlitePath", Path.Combine(directory, "events.db")];
        // The options the host validates before it starts anything.
        await using (var app = CityScreen.Server.Hosting.CityScreenHost.Build([.. store, "--CityScreen:Auth:Admin:Password", "change-me"]))
        {
            var preset = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
            Assert.Contains("CityScreen:Auth:Admin:Password", preset.Message);
        }
        var cli = await UsersCommand.RunAsync(["add", "duty", "--role", "operator", "--password", "short-pw", .. store]);

        Assert.NotEmpty(examples);
        Assert.All(examples, p => Assert.NotNull(PasswordPolicy.Problem(p)));
        Assert.Equal(2, cli);
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Null(PasswordPolicy.Problem(Secrets.NewPassword())));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Every password the docs show as an example for the admin account or the CLI.</summary>
    private static IEnumerable<string> DocumentedPasswords()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CityScreen.sln"))) root = root.Parent!;
        var files = Directory.EnumerateFiles(Path.Combine(root.FullName, "docs"), "*.md").Append(Path.Combine(root.FullName, "README.md"));
        foreach (var file in files)
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"(?:Admin__Password=|Admin:Password=|--password )'([^'…]+)'"))
                yield return m.Groups[1].Value;
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) action();
        return watch.Elapsed;
    }

    private static async Task<(HttpClient Browser, string Field, string Value)> FormAsync(ServerHost host)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var form = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();
        var field = Regex.Match(form, "name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"");
        return (browser, field.Groups[1].Value, WebUtility.HtmlDecode(field.Groups[2].Value));
    }
}
