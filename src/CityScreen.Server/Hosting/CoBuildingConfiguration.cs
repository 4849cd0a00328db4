using CityScreen.Server.CoBuilding;

namespace CityScreen.Server.Hosting;

/// <summary>共驻共建: the communities' lists and units read from the event store for the APIs and the drill-down.</summary>
public static class CoBuildingConfiguration
{
    public static WebApplicationBuilder AddCityScreenCoBuilding(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RegistryListService>();
        return builder;
    }
}
