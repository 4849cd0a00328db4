using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace CityScreen.Jobs.Hosting;

/// <summary>
/// Hangfire's log provider is one per process (a static), and each host that adds Hangfire sets it
/// to its own logger factory. When two hosts share a process (as the tests do) and the first
/// stops, the provider would hand out loggers from a disposed factory and Hangfire would throw
/// while building the second host's storage: loggers asked for after that are silent instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
