using CityScreen.Server.Hosting;

var app = CityScreenHost.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to end-to-end tests.</summary>
public partial class Program;
