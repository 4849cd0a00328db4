using CityScreen.Server.Components.Panels;

namespace CityScreen.Components.Tests;

/// <summary>A flip counter flips the characters that changed, unless it is changing all the time.</summary>
public class FlipDigitsFacts : BunitContext
{
    [Fact]
    public void A_counter_changing_again_at_once_replaces_its_digit_without_the_flip_and_keeps_the_others_as_they_were()
    {
        var flip = Render<FlipDigits>(p => p.Add(x => x.Text, "128"));
        Assert.Equal(["digit", "digit", "digit"], flip.Find(".flip").Children.Select(c => c.ClassName));
        flip.Render(p => p.Add(x => x.Text, "129"));

        // The second change comes well within the quiet time of the first.
        flip.Render(p => p.Add(x => x.Text, "130"));

        Assert.Equal(["digit", "digit still", "digit still"], flip.Find(".flip").Children.Select(c => c.ClassName));
        Assert.Equal("130", flip.Find(".flip").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_first_change_after_the_page_fills_in_flips_however_soon_it_comes()
    {
        var flip = Render<FlipDigits>(p => p.Add(x => x.Text, "128"));

        flip.Render(p => p.Add(x => x.Text, "129"));

        Assert.Equal(["digit", "digit", "digit"], flip.Find(".flip").Children.Select(c => c.ClassName));
    }
}
