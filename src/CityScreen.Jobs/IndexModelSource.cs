using CityScreen.Domain.Index;

namespace CityScreen.Jobs;

/// <summary>Finds and loads the index model named by <see cref="JobsOptions.ModelPath"/>.</summary>
public static class IndexModelSource
{
    /// <summary>
    /// A relative path is looked for under the content root, then next to the program (where the
    /// build copies seed-data), like the area files.
    /// </summary>
    /// <exception cref="IndexModelException">The file is not a valid model; the message names the file and the JSON path.</exception>
    public static IndexModel Load(string path, string contentRoot)
    {
        var candidates = Path.IsPathRooted(path)
            ? [path]
            : new[] { Path.Combine(contentRoot, path), Path.Combine(AppContext.BaseDirectory, path) };
        var file = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{JobsOptions.Section}:ModelPath: the index model '{path}' was found neither under {contentRoot} nor next to the program", path);
        using var stream = File.OpenRead(file);
        return IndexModelLoader.Parse(stream, path);
    }
}
