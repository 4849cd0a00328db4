using System.Globalization;
using CityScreen.Areas.Generation;

// Regenerates the demo city's area files:
//   dotnet run --project src/CityScreen.SeedGenerator -- --seed 20260101 --out seed-data/areas [--in seed-data/areas]
// The same seed gives byte-identical files.

var seed = BaotaDemoCity.DefaultSeed;
var output = Path.Combine("seed-data", "areas");
string? input = null;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
            seed = parsed;
            i++;
            break;
        case "--out" when value is not null:
            output = value;
            i++;
            break;
        case "--in" when value is not null:
            input = value;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
            Console.Error.WriteLine("Usage: CityScreen.SeedGenerator [--seed N] [--out DIR] [--in DIR (default: the output directory)]");
            return 2;
    }
}

var files = BaotaDemoCity.Generate(input ?? output, seed);
BaotaDemoCity.Write(files, output);
Console.WriteLine($"Wrote {BaotaDemoCity.DistrictFileName} and {BaotaDemoCity.GeneratedFileName} to {output} (seed {seed}).");
return 0;
