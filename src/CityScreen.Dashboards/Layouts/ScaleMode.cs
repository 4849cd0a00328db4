namespace CityScreen.Dashboards.Layouts;

/// <summary>How the canvas meets the screen. None of them stretches: text keeps its proportions.</summary>
public enum ScaleMode
{
    /// <summary>The whole canvas, as large as fits, centred; bars where the aspect ratios differ.</summary>
    Fit,

    /// <summary>The whole screen covered, uniformly scaled, centred; the canvas overflowing the screen is cropped.</summary>
    Fill,

    /// <summary>One canvas pixel per screen pixel, centred; cropped or surrounded by bars.</summary>
    Real,
}
