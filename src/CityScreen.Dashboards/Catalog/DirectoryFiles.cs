using System.Security.Cryptography;
using System.Text;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Catalog;

/// <summary>
/// The <c>*.json</c> files directly in the dashboard directory, read once, with a fingerprint of
/// names and contents so that a notice about an unchanged file does not reload the walls.
/// </summary>
internal sealed class DirectoryFiles
{
    public List<DirectoryFile> Contents { get; } = [];
    public List<DashboardError> Errors { get; } = [];

    /// <summary>Ids of files that exist but could not be read (locked, too large).</summary>
    public List<string> Unreadable { get; } = [];

    /// <summary>The directory itself could not be listed (missing, no permission): everything keeps its last good version.</summary>
    public bool DirectoryFailed { get; private set; }

    public string Fingerprint { get; private set; } = "";

    public static DirectoryFiles Read(string directory, string label, EnumerationOptions enumeration, int maxBytes)
    {
        var result = new DirectoryFiles();
        var hash = new StringBuilder();
        string[] paths;
        try
        {
            paths = System.IO.Directory.GetFiles(directory, "*.json", enumeration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var what = e is DirectoryNotFoundException ? "does not exist" : $"cannot be read ({e.GetType().Name})";
            result.Errors.Add(new DashboardError(label, "$", $"the dashboard directory {what}; the last good dashboards stay"));
            result.DirectoryFailed = true;
            result.Fingerprint = "directory-failed";
            return result;
        }

        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var fileLabel = $"{label}/{name}";
            try
            {
                var length = new FileInfo(path).Length;
                if (length > maxBytes)
                {
                    result.Refuse(name, fileLabel, $"is {length} bytes, more than the {maxBytes} a dashboard file may have");
                    hash.Append(name).Append(":size:").Append(length).Append('\n');
                    continue;
                }
                var json = File.ReadAllText(path);
                result.Contents.Add(new DirectoryFile(name, fileLabel, json));
                hash.Append(name).Append(':').Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))).Append('\n');
            }
            catch (FileNotFoundException)
            {
                // Deleted between listing and reading: it is simply gone.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The message names the absolute path; errors show the short label instead.
                result.Refuse(name, fileLabel, $"could not be read ({e.GetType().Name}: {e.Message.Replace(path, fileLabel)})");
                hash.Append(name).Append(":unreadable\n");
            }
        }
        result.Fingerprint = hash.ToString();
        return result;
    }

    private void Refuse(string name, string fileLabel, string message)
    {
        Errors.Add(new DashboardError(fileLabel, "$", message));
        if (FileIdentity.ExpectedId(name) is { } id) Unreadable.Add(id);
    }
}
