using System.Text.RegularExpressions;

namespace CityScreen.Rendering.Tests;

/// <summary>House rules read straight from the source, so they hold without a reviewer.</summary>
public partial class CodeConventionFacts
{
    [Fact]
    public void Every_source_file_declares_one_top_level_type_named_after_the_file()
    {
        var files = SourceFiles().ToList();
        Assert.True(files.Count > 20, $"found only {files.Count} source files");
        foreach (var file in files)
        {
            var types = TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            Assert.True(types.Count == 1 && types[0] == Path.GetFileNameWithoutExtension(file),
                $"{Path.GetFileName(file)} declares [{string.Join(", ", types)}]");
        }
    }

    [Fact]
    public void No_source_file_contains_an_absolute_machine_path()
    {
        foreach (var file in SourceFiles())
            Assert.DoesNotMatch(AbsolutePath(), File.ReadAllText(file));
    }

    private static IEnumerable<string> SourceFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "CityScreen.Rendering")))
            dir = dir.Parent;
        Assert.NotNull(dir);
        var source = Path.Combine(dir.FullName, "src", "CityScreen.Rendering");
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
    }

    // Top level = no indentation; nested private types are indented and allowed.
    [GeneratedRegex(@"^(?:public |internal )?(?:sealed |static |abstract |partial )*(?:class|record|struct|interface|enum) (\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"""(/work/|/tmp/|/home/|/root/|[A-Za-z]:\\)")]
    private static partial Regex AbsolutePath();
}
