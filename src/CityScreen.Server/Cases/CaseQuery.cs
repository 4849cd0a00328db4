using CityScreen.Contracts.Events;

namespace CityScreen.Server.Cases;

/// <summary>The filters of a grid's case list: status, category, overdue only, and a report-date range (local dates, inclusive).</summary>
public sealed record CaseQuery(CaseStatus? Status, string? Category, bool OverdueOnly, DateOnly? From, DateOnly? To);
