using System.Net;

namespace CityScreen.Server.Tests;

/// <summary>
/// A 401 offers HTTP Basic to programs only: a browser that cached a Basic password would send it
/// with every request to the host, also with a form another site posts to an admin endpoint.
/// </summary>
[Collection("secured")]
public class ChallengeFacts(SecuredHostFixture fixture)
{
    [Theory]
    [InlineData("Sec-Fetch-Mode", "cors")]
    [InlineData("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36")]
    public async Task A_browser_is_not_offered_basic(string header, string value)
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/indices/recompute");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_program_is_offered_bearer_and_basic()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var response = await http.PostAsync("/api/admin/indices/recompute", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
    }
}
