namespace CityScreen.Server.Tests;

/// <summary>A host with anonymous reading off, as a city runs it: every read needs an identity.</summary>
public sealed class SecuredHostFixture : IAsyncLifetime
{
    public ServerHost Host { get; } = new();

    public Task InitializeAsync() => Host.StartAsync("--CityScreen:Auth:AnonymousRead", "false");

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition("secured")]
public sealed class SecuredHostCollection : ICollectionFixture<SecuredHostFixture>;
