namespace CityScreen.Server.Hosting;

/// <summary>Configuration section <c>CityScreen:Telemetry</c>: where metrics go besides <c>/metrics</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "CityScreen:Telemetry";

    /// <summary>The environment variable every OpenTelemetry SDK reads; honoured when <see cref="OtlpEndpoint"/> is not set.</summary>
    public const string StandardOtlpVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>An OTLP collector (gRPC, e.g. <c>http://collector:4317</c>) to push metrics to; none by default.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The collector to push to: this section's endpoint, else the standard variable's, else none.</summary>
    public static Uri? OtlpTarget(IConfiguration config)
    {
        var text = config.GetSection(Section).Get<TelemetryOptions>()?.OtlpEndpoint is { Length: > 0 } own ? own : config[StandardOtlpVariable];
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"{Section}:OtlpEndpoint (or {StandardOtlpVariable}) '{text}' is not an absolute http(s) address");
    }
}
