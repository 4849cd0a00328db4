using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Validation;

/// <summary>
/// What could be read of one panel: its rectangle when x, y, w and h are valid (so placement is
/// checked even while its options are wrong), and the panel itself when everything is valid.
/// </summary>
internal sealed record PanelDraft(string Path, string? Id, PanelType? Type, PanelBox? Box, Panel? Panel)
{
    public string Label => Id is null ? Path : $"\"{Id}\" ({Path})";
}
