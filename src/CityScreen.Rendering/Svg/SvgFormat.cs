using System.Globalization;
using System.Text;

namespace CityScreen.Rendering.Svg;

/// <summary>Number and text formatting for hand-written SVG: invariant culture, compact, XML-safe.</summary>
internal static class SvgFormat
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Appends a coordinate with at most one decimal; written by hand because path data is the hot loop.</summary>
    public static void AppendCoord(StringBuilder sb, double value)
    {
        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        if (tenths < 0)
        {
            sb.Append('-');
            tenths = -tenths;
        }
        sb.Append(tenths / 10);
        var digit = tenths % 10;
        if (digit != 0)
            sb.Append('.').Append((char)('0' + digit));
    }

    public static string Coord(double value)
    {
        var sb = new StringBuilder(8);
        AppendCoord(sb, value);
        return sb.ToString();
    }

    /// <summary>Escapes text for element content and attribute values, dropping characters XML cannot carry.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    // Control characters are illegal in XML 1.0 and would make the whole map unparsable.
                    if (c >= ' ' || c is '\t' or '\n' or '\r')
                        sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
