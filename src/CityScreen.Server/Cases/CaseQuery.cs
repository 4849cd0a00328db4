namespace CityScreen.Server.Cases;

/// <summary>The filters of a grid's case list: status (open, closed, rejected), category, overdue only, and a report-date range (local dates, inclusive).</summary>
public sealed record CaseQuery(string? Status, string? Category, bool OverdueOnly, DateOnly? From, DateOnly? To)
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "closed", "rejected", "reported"];
}
