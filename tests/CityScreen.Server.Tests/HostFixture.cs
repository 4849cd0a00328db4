namespace CityScreen.Server.Tests;

/// <summary>One running host shared by the tests of a collection (they run one after another).</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public ServerHost Host { get; } = new();

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition("host")]
public sealed class HostCollection : ICollectionFixture<HostFixture>;
