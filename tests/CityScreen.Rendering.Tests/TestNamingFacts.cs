using System.Text.RegularExpressions;

namespace CityScreen.Rendering.Tests;

/// <summary>
/// One naming style for every test of the repository, read from the sources of all test projects:
/// a test is a sentence in an <c>XxxFacts</c> class (an abstract <c>XxxContract</c> when a store's
/// tests are shared), its words joined by underscores — <c>Read_refuses_a_file_that_is_not_an_object</c>,
/// <c>A_resent_batch_is_counted_once</c>. Only the first word may be a code name in PascalCase
/// (the method or type under test); after it, words are not run together.
/// </summary>
public partial class TestNamingFacts
{
    // Names and terms that are written as one word with inner capitals.
    private static readonly HashSet<string> OneWordNames = ["CityScreen", "DataV", "GeoJSON", "PostgreSQL", "NaN"];

    [Fact]
    public void Every_test_method_is_a_sentence_with_underscores()
    {
        var tests = TestMethods().ToList();
        Assert.True(tests.Count > 400, $"found only {tests.Count} tests");
        var outliers = tests.Where(t => !IsSentence(t.Method)).Select(t => $"{t.File}: {t.Method}").ToList();
        Assert.True(outliers.Count == 0, "not named as a sentence with underscores:\n" + string.Join("\n", outliers));
    }

    [Fact]
    public void Every_class_with_tests_is_named_facts_or_is_an_abstract_contract()
    {
        var outliers = TestMethods().Select(t => t.Class).Distinct()
            .Where(c => !c.EndsWith("Facts", StringComparison.Ordinal) && !(c.StartsWith("abstract ", StringComparison.Ordinal) && c.EndsWith("Contract", StringComparison.Ordinal)))
            .ToList();
        Assert.True(outliers.Count == 0, "classes with tests not named XxxFacts: " + string.Join(", ", outliers));
    }

    private static bool IsSentence(string name)
    {
        var words = name.Split('_');
        return words.Length >= 3
            && char.IsUpper(name[0])
            && !char.IsUpper(words[1][0])
            && words.Skip(1).All(w => OneWordNames.Contains(w) || !RunTogether().IsMatch(w));
    }

    /// <summary>Each [Fact] or [Theory] method of every test project, with its file and the class it is in.</summary>
    private static IEnumerable<(string File, string Class, string Method)> TestMethods()
    {
        foreach (var file in TestSources())
        {
            string? attribute = null, type = null;
            foreach (var line in File.ReadLines(file))
            {
                if (TypeDeclaration().Match(line) is { Success: true } t) type = (t.Groups[1].Success ? "abstract " : "") + t.Groups[2].Value;
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith("[Fact", StringComparison.Ordinal) || trimmed.StartsWith("[Theory", StringComparison.Ordinal)) attribute = trimmed;
                else if (attribute is not null && MethodDeclaration().Match(line) is { Success: true } m)
                {
                    yield return (Path.GetFileName(file), type ?? "", m.Groups[1].Value);
                    attribute = null;
                }
            }
        }
    }

    private static IEnumerable<string> TestSources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityScreen.sln")))
            dir = dir.Parent;
        Assert.NotNull(dir);
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Path.Combine(dir.FullName, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}") && !f.Contains($"{separator}bin{separator}"));
    }

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex RunTogether();

    [GeneratedRegex(@"^\s*public\s+(?:async\s+)?(?:Task|void)\s+(\w+)\s*\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex(@"^\s*(?:public |internal )?(?:sealed |static |partial )*(abstract )?(?:partial )?class (\w+)")]
    private static partial Regex TypeDeclaration();
}
