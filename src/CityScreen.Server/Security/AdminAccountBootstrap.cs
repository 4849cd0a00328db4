using CityScreen.Storage.Security;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// Makes sure the <c>admin</c> account exists before the first request: with
/// <c>CityScreen:Auth:Admin:Password</c> set, that password (changed when the setting changes);
/// otherwise a generated one, printed once — only its hash is kept, so it cannot be shown again.
/// </summary>
public sealed class AdminAccountBootstrap(ISecurityStore store, IOptions<AuthOptions> options, TimeProvider time, ILogger<AdminAccountBootstrap> logger) : IHostedService
{
    public const string AdminName = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var preset = options.Value.Admin.Password;
        var existing = await store.FindAccountAsync(AdminName, cancellationToken);
        if (!string.IsNullOrEmpty(preset))
        {
            if (existing is not null && existing.Role == Roles.Admin && Secrets.VerifyPassword(preset, existing.PasswordHash)) return;
            await store.SaveAccountAsync(new Account(AdminName, Roles.Admin, null, Secrets.HashPassword(preset), time.GetUtcNow()), cancellationToken);
            // A changed password ends the sessions signed in with the old one.
            if (existing is not null) await store.RevokeSessionsOfAsync(AdminName, time.GetUtcNow(), cancellationToken);
            await store.AppendAuditAsync(time.GetUtcNow(), "system", "admin.password.preset", "CityScreen:Auth:Admin:Password", cancellationToken);
            return;
        }
        if (existing is not null) return;
        var password = Secrets.NewPassword();
        // Another host of the cluster may have created it since: only the one whose account was stored prints a password.
        if (!await store.AddAccountIfAbsentAsync(new Account(AdminName, Roles.Admin, null, Secrets.HashPassword(password), time.GetUtcNow()), cancellationToken))
            return;
        await store.AppendAuditAsync(time.GetUtcNow(), "system", "admin.password.generated", "printed once at first start", cancellationToken);
        // Printed once, on purpose to the console only: the log may be shipped elsewhere.
        Console.WriteLine($"""

            ==== CityScreen 管理员账号 / admin account ====
            name:     {AdminName}
            password: {password}
            This password is shown only now; set CityScreen:Auth:Admin:Password or run `users passwd admin` to change it.
            ===============================================

            """);
        logger.LogWarning("Generated the admin account's password and printed it to the console once");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
