namespace CityScreen.Dashboards.Validation;

/// <summary>One problem in a dashboard file: the file (relative, e.g. <c>dashboards/city-wall.json</c>), the JSON path and what is wrong.</summary>
public sealed record DashboardError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}
