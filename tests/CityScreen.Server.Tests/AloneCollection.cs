namespace CityScreen.Server.Tests;

/// <summary>
/// Facts that must not share the process's minutes with the others: the meters they read count
/// every host of the process by name (so another host's events would add to "exactly what the
/// test sent"), and a flood of refused requests on two cores starves the hosts beside it. xunit
/// runs this collection after the parallel ones, one fact at a time.
/// </summary>
[CollectionDefinition("alone", DisableParallelization = true)]
public sealed class AloneCollection;
