using System.Text.RegularExpressions;

namespace CityScreen.Jobs.Tests;

/// <summary>House rules of the index code, read from its source.</summary>
public sealed partial class CodeConventionFacts
{
    private static readonly string[] Folders =
    [
        "src/CityScreen.Jobs", "src/CityScreen.Domain/Rollups", "src/CityScreen.Storage/Rollups", "src/CityScreen.Storage/Indices",
    ];

    private static IEnumerable<string> SourceFiles() => Folders
        .SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, f), "*.cs", SearchOption.AllDirectories))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Every_source_file_declares_one_top_level_type_named_after_the_file()
    {
        var files = SourceFiles().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var types = TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            Assert.True(types.Count == 1 && types[0] == Path.GetFileNameWithoutExtension(file),
                $"{Path.GetRelativePath(RepositoryRoot.Path, file)} declares [{string.Join(", ", types)}]");
        }
    }

    [Fact]
    public void No_source_file_names_a_machine_path()
    {
        foreach (var file in SourceFiles())
            Assert.DoesNotMatch(MachinePath(), File.ReadAllText(file));
    }

    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:sealed|static|abstract|partial|readonly)\s+)*(?:class|record(?:\s+struct)?|interface|enum|struct)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"(?:""/(?:home|root|tmp|work|Users)/|[A-Za-z]:\\\\)")]
    private static partial Regex MachinePath();
}
