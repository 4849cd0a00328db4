using System.Text.Json;

namespace CityScreen.Server.Tests;

/// <summary>No secret travels with the repository: keys and passwords come from the environment of an installation.</summary>
public class RepositorySecretsFacts
{
    private static readonly string[] SecretNames = ["ApiKeys", "Password", "ClientSecret", "ConnectionStrings"];

    [Fact]
    public void No_settings_file_of_the_repository_holds_a_key_password_or_client_secret()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CityScreen.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var files = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "appsettings*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
            foreach (var (path, value) in Secrets(JsonDocument.Parse(File.ReadAllText(file)).RootElement, ""))
                Assert.Fail($"{Path.GetFileName(file)}: {path} holds {value}; give it through the environment instead");
    }

    /// <summary>Every property named like a secret that has a non-empty value.</summary>
    private static IEnumerable<(string Path, string Value)> Secrets(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) yield break;
        foreach (var property in element.EnumerateObject())
        {
            var here = path.Length == 0 ? property.Name : $"{path}:{property.Name}";
            var value = property.Value;
            var filled = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Length > 0,
                JsonValueKind.Array => value.GetArrayLength() > 0,
                JsonValueKind.Object => value.EnumerateObject().Any(),
                _ => false,
            };
            if (SecretNames.Contains(property.Name) && filled) yield return (here, value.GetRawText());
            foreach (var inner in Secrets(value, here)) yield return inner;
        }
    }
}
