using System.Globalization;
using System.Net;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>The TCP sockets a process listens on, read from Linux's /proc: what a port scan of the machine would find open.</summary>
public static class ListeningSockets
{
    private const string Listen = "0A";

    public static IReadOnlyList<IPEndPoint> Of(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
            }
            catch (IOException)
            {
                // closed between listing and reading
            }
        }
        return new[] { "tcp", "tcp6" }.SelectMany(table => File.ReadLines($"/proc/{processId}/net/{table}").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[3] == Listen && inodes.Contains(f[9]))
            .Select(f => Parse(f[1]))
            .ToList();
    }

    /// <summary><c>0100007F:2B67</c>: the address in the kernel's byte order, the port in hex.</summary>
    private static IPEndPoint Parse(string field)
    {
        var (hex, port) = (field[..field.IndexOf(':')], int.Parse(field[(field.IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        var bytes = Convert.FromHexString(hex);
        // Each 32-bit word is stored little-endian.
        for (var i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4);
        return new IPEndPoint(new IPAddress(bytes), port);
    }
}
