using CityScreen.Server.Hosting;
using CityScreen.Server.Security;

// `users …` manages local accounts in the store and exits; anything else runs the host.
if (args is ["users", ..]) return await UsersCommand.RunAsync(args[1..]);

var app = CityScreenHost.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to end-to-end tests.</summary>
public partial class Program;
