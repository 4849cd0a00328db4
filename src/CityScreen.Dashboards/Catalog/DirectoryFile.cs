namespace CityScreen.Dashboards.Catalog;

/// <summary>One file as read: its name in the directory, how errors name it (<c>dashboards/street.json</c>) and its text.</summary>
internal sealed record DirectoryFile(string Name, string Label, string Json);
