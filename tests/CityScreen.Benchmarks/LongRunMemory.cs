using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CityScreen.Benchmarks;

/// <summary>
/// Memory over a long run, as a wall left on for weeks would see it: a running server (with its
/// simulator at a high rate) and one wall open in headless Chromium. Every sample reads the
/// server's resident memory from /proc and, after asking the page to collect its garbage, the
/// page's JS heap, DOM nodes and event listeners through the DevTools protocol
/// (<c>Performance.getMetrics</c>). A leak shows as a steady rise after the warm-up; the summary
/// compares the first and last quarter of the run and fits a line through the second half.
/// Only the base library is used: Chromium is started with a debugging port and spoken to over
/// a plain WebSocket.
/// </summary>
public static class LongRunMemory
{
    public static async Task<int> RunAsync(BenchmarkOptions o, string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var serverPid = int.Parse(Value("--server-pid", "0"), CultureInfo.InvariantCulture);
        var minutes = double.Parse(Value("--minutes", "20"), CultureInfo.InvariantCulture);
        var every = TimeSpan.FromSeconds(double.Parse(Value("--sample-seconds", "30"), CultureInfo.InvariantCulture));
        var warmUp = TimeSpan.FromSeconds(double.Parse(Value("--warm-up-seconds", "60"), CultureInfo.InvariantCulture));
        var path = Value("--page", "/screen?rotation=rotation");
        var chromium = Value("--chromium", "/usr/bin/chromium");
        if (serverPid <= 0 || !File.Exists($"/proc/{serverPid}/status"))
        {
            Console.Error.WriteLine("--server-pid must name the running server's process (its resident memory is read from /proc)");
            return 2;
        }

        var port = FreePort.Next();
        var profile = Path.Combine(Path.GetTempPath(), "cityscreen-longrun-" + Guid.NewGuid().ToString("N"));
        using var browser = Process.Start(new ProcessStartInfo(chromium)
        {
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                $"--remote-debugging-port={port}", $"--user-data-dir={profile}", "--window-size=1920,1080",
                new Uri(o.Url, path).ToString(),
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        browser.ErrorDataReceived += (_, _) => { };
        browser.BeginErrorReadLine();
        try
        {
            await using var page = await DevTools.ConnectAsync(port, TimeSpan.FromSeconds(30));
            await page.SendAsync("Performance.enable");
            Console.WriteLine($"# warm-up {warmUp.TotalSeconds:0} s, then {minutes:0.#} min, a sample every {every.TotalSeconds:0} s; page {path}");
            await Task.Delay(warmUp);
            Console.WriteLine("minute,server_rss_mb,js_heap_used_mb,js_heap_total_mb,dom_nodes,js_listeners,documents");
            var samples = new List<double[]>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalMinutes <= minutes)
            {
                await page.SendAsync("HeapProfiler.collectGarbage");
                var metrics = await page.SendAsync("Performance.getMetrics");
                var m = metrics.GetProperty("metrics").EnumerateArray()
                    .ToDictionary(x => x.GetProperty("name").GetString()!, x => x.GetProperty("value").GetDouble());
                var row = new[]
                {
                    clock.Elapsed.TotalMinutes, ResidentMegabytes(serverPid),
                    m.GetValueOrDefault("JSHeapUsedSize") / 1048576, m.GetValueOrDefault("JSHeapTotalSize") / 1048576,
                    m.GetValueOrDefault("Nodes"), m.GetValueOrDefault("JSEventListeners"), m.GetValueOrDefault("Documents"),
                };
                samples.Add(row);
                Console.WriteLine(string.Join(',', row.Select((v, i) => v.ToString(i is 0 or 1 or 2 or 3 ? "0.0" : "0", CultureInfo.InvariantCulture))));
                await Task.Delay(every);
            }
            Summarise(samples);
            return 0;
        }
        finally
        {
            browser.Kill(entireProcessTree: true);
            await browser.WaitForExitAsync();
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    private static void Summarise(List<double[]> samples)
    {
        if (samples.Count < 4) return;
        string[] names = ["server RSS (MB)", "JS heap used (MB)", "JS heap total (MB)", "DOM nodes", "JS listeners", "documents"];
        var quarter = Math.Max(1, samples.Count / 4);
        var half = samples.Skip(samples.Count / 2).ToList();
        Console.WriteLine();
        Console.WriteLine("| measure | first quarter (mean) | last quarter (mean) | trend over the second half, per hour |");
        Console.WriteLine("|---|---|---|---|");
        for (var c = 1; c <= names.Length; c++)
        {
            var first = samples.Take(quarter).Average(s => s[c]);
            var last = samples.TakeLast(quarter).Average(s => s[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {names[c - 1]} | {first:0.0} | {last:0.0} | {Slope(half, c) * 60:+0.0;-0.0;0.0} |"));
        }
    }

    /// <summary>Least-squares slope of column <paramref name="c"/> against minutes.</summary>
    private static double Slope(List<double[]> rows, int c)
    {
        var mx = rows.Average(r => r[0]);
        var my = rows.Average(r => r[c]);
        var sxx = rows.Sum(r => (r[0] - mx) * (r[0] - mx));
        return sxx == 0 ? 0 : rows.Sum(r => (r[0] - mx) * (r[c] - my)) / sxx;
    }

    private static double ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The DevTools protocol of the first page target, request by request.</summary>
    private sealed class DevTools : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private int _id;

        public static async Task<DevTools> ConnectAsync(int port, TimeSpan within)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + within;
            while (true)
            {
                try
                {
                    using var targets = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json"));
                    var target = targets.RootElement.EnumerateArray().FirstOrDefault(t => t.GetProperty("type").GetString() == "page");
                    if (target.ValueKind == JsonValueKind.Object)
                    {
                        var tools = new DevTools();
                        await tools._socket.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
                        return tools;
                    }
                }
                catch (HttpRequestException)
                {
                    // Chromium is not listening yet.
                }
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Chromium's DevTools did not answer on port {port}");
                await Task.Delay(300);
            }
        }

        public async Task<JsonElement> SendAsync(string method)
        {
            var id = ++_id;
            var request = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id, method }));
            await _socket.SendAsync(request, WebSocketMessageType.Text, true, CancellationToken.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var buffer = new byte[1 << 16];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult part;
                do
                {
                    part = await _socket.ReceiveAsync(buffer, timeout.Token);
                    message.Write(buffer, 0, part.Count);
                } while (!part.EndOfMessage);
                using var doc = JsonDocument.Parse(message.ToArray());
                // Events arrive on the same socket; only the answer to this request counts.
                if (doc.RootElement.TryGetProperty("id", out var answered) && answered.GetInt32() == id)
                    return doc.RootElement.TryGetProperty("result", out var result) ? result.Clone() : default;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None); }
            catch (WebSocketException) { }
            _socket.Dispose();
        }
    }
}
