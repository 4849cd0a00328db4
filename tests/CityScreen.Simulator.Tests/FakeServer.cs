using System.Net;

namespace CityScreen.Simulator.Tests;

/// <summary>An HTTP handler that answers from a script and records what it was sent.</summary>
public sealed class FakeServer(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private int _next;

    public List<(Uri Uri, string? ApiKey, string Body)> Requests { get; } = [];

    public static HttpResponseMessage Answer(HttpStatusCode status, string body = "", Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        configure?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.RequestUri!, request.Headers.TryGetValues("X-Api-Key", out var keys) ? keys.Single() : null, body));
        return answers[Math.Min(_next++, answers.Length - 1)]();
    }
}
