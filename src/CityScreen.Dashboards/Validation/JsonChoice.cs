namespace CityScreen.Dashboards.Validation;

/// <summary>The JSON spelling of an enum value, e.g. <c>"30d"</c> for <c>CategoryWindow.Days30</c>.</summary>
internal readonly record struct JsonChoice<T>(string Json, T Value) where T : struct, Enum;
