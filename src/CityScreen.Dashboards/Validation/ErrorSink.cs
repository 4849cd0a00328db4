namespace CityScreen.Dashboards.Validation;

/// <summary>Collects every error of one file: an operator fixing a layout sees all of them at once, not one per restart.</summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<DashboardError> _errors = [];

    public string File => file;
    public int Count => _errors.Count;
    public IReadOnlyList<DashboardError> Errors => _errors;

    public void Add(string path, string message) => _errors.Add(new DashboardError(file, path, message));
}
