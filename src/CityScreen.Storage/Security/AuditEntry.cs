namespace CityScreen.Storage.Security;

/// <summary>One admin action: who did what, when.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Detail);
