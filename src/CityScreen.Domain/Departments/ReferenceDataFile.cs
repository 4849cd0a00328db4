using System.Text.Json;

namespace CityScreen.Domain.Departments;

/// <summary>Opens a reference data file as JSON; a file that cannot be read or parsed is a <see cref="ReferenceDataException"/> naming it.</summary>
internal static class ReferenceDataFile
{
    public static JsonDocument Read(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ReferenceDataException(Path.GetFileName(path), "$", $"cannot be read: {ex.Message}");
        }
    }

    /// <summary>The same for a file already open (one built into a program), <paramref name="name"/> naming it.</summary>
    public static JsonDocument Read(Stream json, string name)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new ReferenceDataException(name, "$", $"cannot be read: {ex.Message}");
        }
    }
}
