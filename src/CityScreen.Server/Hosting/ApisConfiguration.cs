namespace CityScreen.Server.Hosting;

/// <summary>What every API shares: problem details (RFC 7807) for its errors, written by <see cref="Apis.ApiProblems"/>.</summary>
public static class ApisConfiguration
{
    public static WebApplicationBuilder AddCityScreenApis(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }
}
