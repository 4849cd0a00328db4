namespace CityScreen.Contracts.Walls;

/// <summary>What a <see cref="WallCommand"/> asks of a wall.</summary>
[GenerateSerializer]
public enum WallCommandKind
{
    Reload,
    ShowPage,
}
