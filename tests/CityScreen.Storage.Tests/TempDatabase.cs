using Microsoft.Data.Sqlite;

namespace CityScreen.Storage.Tests;

/// <summary>A SQLite file in a temporary directory, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase() => Directory.CreateDirectory(DirectoryPath);

    public string DirectoryPath { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cityscreen-storage-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(DirectoryPath, "cityscreen.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DirectoryPath, recursive: true); } catch (IOException) { }
    }
}
