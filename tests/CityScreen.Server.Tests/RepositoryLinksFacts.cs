using System.Text;
using System.Text.RegularExpressions;

namespace CityScreen.Server.Tests;

/// <summary>
/// The repository explains itself: every file its comments and documents point to is in it. Paths
/// from the repository's top folders (<c>docs/…</c>, <c>seed-data/…</c>), bare document names
/// (<c>domain.md</c>) and relative Markdown links must name a file or folder that exists.
/// </summary>
public partial class RepositoryLinksFacts
{
    private static readonly string[] Extensions = [".cs", ".razor", ".js", ".md", ".json", ".sh"];
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", "TestResults"];

    /// <summary>Paths that only illustrate the shape of an error message, not a file.</summary>
    private static readonly string[] Examples = ["seed-data/x.geojson", "dashboards/x.json"];

    [Fact]
    public void Every_path_a_comment_or_document_names_exists_in_the_repository()
    {
        var root = RepositoryRoot();
        var missing = new List<string>();
        foreach (var file in Files(root))
        {
            var here = Path.GetDirectoryName(file)!;
            var text = Searchable(file, File.ReadAllText(file));
            var where = Path.GetRelativePath(root, file);
            foreach (Match m in RootedPath().Matches(text))
            {
                if (Examples.Contains(m.Value)) continue;
                if (Expand(m.Value).Any(p => !Exists(Path.Combine(root, p)) && !Exists(Path.Combine(here, p))))
                    missing.Add($"{where}: {m.Value}");
            }
            foreach (Match m in BareDocument().Matches(text))
            {
                var name = m.Groups[1].Value;
                if (!new[] { here, root, Path.Combine(root, "docs") }.Any(d => File.Exists(Path.Combine(d, name))))
                    missing.Add($"{where}: {name}");
            }
            if (file.EndsWith(".md", StringComparison.Ordinal))
            {
                foreach (Match m in MarkdownLink().Matches(text))
                {
                    var target = m.Groups[1].Value.Split('#')[0];
                    if (target.Length == 0 || UriScheme().IsMatch(target)) continue;
                    if (!Exists(Path.GetFullPath(Path.Combine(here, target))))
                        missing.Add($"{where}: link {target}");
                }
            }
        }
        Assert.True(missing.Count == 0, "named but not in the repository:\n" + string.Join("\n", missing));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("CityScreen.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> Files(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir))
            if (Extensions.Contains(Path.GetExtension(file))) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            if (SkippedFolders.Contains(Path.GetFileName(sub))) continue;
            foreach (var file in Files(sub)) yield return file;
        }
    }

    /// <summary>Documents and data files whole; of code and scripts only the comments, where code may build example paths.</summary>
    private static string Searchable(string file, string text)
    {
        var extension = Path.GetExtension(file);
        if (extension is ".md" or ".json") return text;
        var comments = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var marker = extension == ".sh" ? line.IndexOf('#') : line.IndexOf("//", StringComparison.Ordinal);
            var trimmed = line.TrimStart();
            if (marker >= 0) comments.AppendLine(line[marker..]);
            else if (extension != ".sh" && (trimmed.StartsWith('*') || trimmed.StartsWith("/*") || trimmed.StartsWith("@*")))
                comments.AppendLine(trimmed);
        }
        return comments.ToString();
    }

    /// <summary><c>src/CityScreen.Storage/{Rollups,Indices}</c> names both folders.</summary>
    private static IEnumerable<string> Expand(string path)
    {
        var open = path.IndexOf('{');
        var close = open < 0 ? -1 : path.IndexOf('}', open);
        if (close < 0) return [path];
        return path[(open + 1)..close].Split(',')
            .SelectMany(choice => Expand(path[..open] + choice + path[(close + 1)..]));
    }

    /// <summary>A pattern (<c>seed-data/areas/*.geojson</c>) exists when its folder does.</summary>
    private static bool Exists(string path)
    {
        var star = path.IndexOf('*');
        if (star >= 0) path = Path.GetDirectoryName(path[..star]) ?? path;
        return File.Exists(path) || Directory.Exists(path);
    }

    [GeneratedRegex(@"(?<![\w./\\-])(?:docs|seed-data|dashboards|src|tests|scripts|\.ci)/[\w./{},*-]*[\w*}]")]
    private static partial Regex RootedPath();

    [GeneratedRegex(@"(?<![\w./\\-])([\w-]+\.md)\b")]
    private static partial Regex BareDocument();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex UriScheme();
}
