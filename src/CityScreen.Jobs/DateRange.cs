using System.Globalization;

namespace CityScreen.Jobs;

/// <summary>Local dates from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
}
