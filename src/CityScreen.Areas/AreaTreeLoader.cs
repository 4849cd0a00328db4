using CityScreen.Areas.Import;

namespace CityScreen.Areas;

/// <summary>Loads the area tree from one or more GeoJSON files (DataV GeoAtlas or any GeoJSON with configured property names).</summary>
public static class AreaTreeLoader
{
    /// <summary>Relative paths are resolved against <paramref name="baseDirectory"/>; messages name the path as configured.</summary>
    /// <param name="parentNames">Names for parents that no file contains (e.g. 610600 → 延安市); otherwise they are named by their id.</param>
    public static AreaTree Load(IEnumerable<AreaFileOptions> files, string baseDirectory, IReadOnlyDictionary<string, string>? parentNames = null)
    {
        var records = new List<AreaRecord>();
        var fileNames = new List<string>();
        foreach (var options in files)
        {
            if (string.IsNullOrWhiteSpace(options.Path))
                throw new AreaImportException("(area file)", null, null, "option 'Path' is empty");
            fileNames.Add(options.Path);
            using var content = Open(options.Path, Path.Combine(baseDirectory, options.Path));
            records.AddRange(AreaFeatureReader.Read(options.Path, content, options));
        }
        return AreaTreeBuilder.Build(records, fileNames, parentNames);
    }

    /// <summary>Loads from open streams (tests, uploads); <c>FileName</c> is what messages call the source.</summary>
    public static AreaTree Load(IEnumerable<(string FileName, Stream Content, AreaFileOptions Options)> sources)
    {
        var records = new List<AreaRecord>();
        var fileNames = new List<string>();
        foreach (var (fileName, content, options) in sources)
        {
            fileNames.Add(fileName);
            records.AddRange(AreaFeatureReader.Read(fileName, content, options));
        }
        return AreaTreeBuilder.Build(records, fileNames);
    }

    private static FileStream Open(string fileName, string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AreaImportException(fileName, null, null, $"cannot be opened: {e.Message}", e);
        }
    }
}
