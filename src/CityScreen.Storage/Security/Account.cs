namespace CityScreen.Storage.Security;

/// <summary>A local account: a person who signs in with a password. <c>AreaId</c> is the root of what they may see (null: the whole city).</summary>
public sealed record Account(string Name, string Role, string? AreaId, string PasswordHash, DateTimeOffset CreatedAt);
