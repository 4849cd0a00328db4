using CityScreen.Server.Security;

namespace CityScreen.Server.Tests;

/// <summary>After signing in, only a path of this site is followed: never another site.</summary>
public class SignInRedirectFacts
{
    [Theory]
    [InlineData("/explore/610602001", "/explore/610602001")]
    [InlineData("/screen?layout=city-wall-4k", "/screen?layout=city-wall-4k")]
    [InlineData("//evil.example", "/screen")]
    [InlineData("/\\evil.example", "/screen")]
    [InlineData("/\t/evil.example", "/screen")]
    [InlineData("/\n/evil.example", "/screen")]
    [InlineData("https://evil.example", "/screen")]
    [InlineData("~/screen", "/screen")]
    [InlineData("", "/screen")]
    [InlineData(null, "/screen")]
    public void Only_a_local_path_is_followed(string? returnUrl, string target) =>
        Assert.Equal(target, SignInEndpoints.LocalOnly(returnUrl));
}
