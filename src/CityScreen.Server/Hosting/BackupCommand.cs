using CityScreen.Storage;

namespace CityScreen.Server.Hosting;

/// <summary>
/// <c>CityScreen.Server backup FILE</c>: an online copy of the embedded store (SQLite) into a new
/// file, while the host keeps running; with the same configuration as the server, so
/// <c>--CityScreen:Storage:SqlitePath</c> and the environment work here too. Restoring is putting
/// the file in place of the store with the host stopped (docs/operations.md).
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: backup FILE [--CityScreen:Storage:SqlitePath PATH …]");
            return 2;
        }
        var target = Path.GetFullPath(args[0]);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..], ApplicationName = typeof(BackupCommand).Assembly.GetName().Name });
        try
        {
            var database = CityScreenDatabase.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
            await SqliteBackup.BackupAsync(database, target);
            Console.WriteLine($"backed up {database} to {target}");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"backup: {e.Message}");
            return 1;
        }
    }
}
