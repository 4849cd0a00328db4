namespace CityScreen.Storage.Tests;

/// <summary>
/// The job tables' facts run on their own, after the other classes: the event store's
/// back-pressure fact measures how far its writer falls behind, and must not share two cores with
/// other tests while it does.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JobTablesCollection
{
    public const string Name = "job tables";
}
