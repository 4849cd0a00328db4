using System.Diagnostics;
using System.Globalization;

namespace CityScreen.Benchmarks;

/// <summary>CPU time and memory of processes, read from /proc (Linux) — this one and others by id.</summary>
public static class ProcessMeter
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat on Linux (USER_HZ).</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan OwnCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>User + system CPU of the given processes; ones that have exited count as zero.</summary>
    public static TimeSpan Cpu(IEnumerable<int> pids)
    {
        double ticks = 0;
        foreach (var pid in pids)
        {
            string stat;
            try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // Fields after the command name (which may hold spaces) start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The process and every process below it (PostgreSQL's backends are children of the postmaster).</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
            catch (IOException) { }
        }
        var all = new List<int> { root };
        for (var i = 0; i < all.Count; i++)
            if (children.TryGetValue(all[i], out var below)) all.AddRange(below);
        return all;
    }

    /// <summary>Peak resident memory of this process since start or the last <see cref="ResetPeak"/> (VmHWM).</summary>
    public static long PeakResidentBytes() => StatusKiB("VmHWM:") * 1024;

    public static long ResidentBytes() => StatusKiB("VmRSS:") * 1024;

    /// <summary>Starts a new peak: Linux resets VmHWM when 5 is written to clear_refs.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long StatusKiB(string key)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
