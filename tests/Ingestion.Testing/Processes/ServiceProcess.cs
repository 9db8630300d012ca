namespace Ingestion.Testing.Processes;

/// <summary>
/// One platform service (FeedWorker, Store, Alerting) as a real process: `dotnet Ingestion.X.dll` from the
/// service's own build output, configured only through environment variables, on a free loopback port.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private ServiceProcess(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public ChildProcess Process => process;

    /// <summary>
    /// The log levels tests start a service with, quieter than the ones it ships with; a setting of null for each
    /// key leaves the shipped levels (the load command does).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> QuietLogLevels = new Dictionary<string, string?>
    {
        ["Logging__LogLevel__Default"] = "Warning",
        // Reconnect attempts while a broker is down are expected here; real faults (S-FAULT, R-FAULT) are errors.
        ["Logging__LogLevel__MassTransit"] = "Error",
    };

    /// <summary>Starts the service and waits until /health answers 200 (database and bus up).</summary>
    public static async Task<ServiceProcess> StartAsync(string service, string label, IReadOnlyDictionary<string, string?> settings, TimeSpan timeout)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null, // no collector here
            ["MALLOC_ARENA_MAX"] = "2", // as the image sets it (deploy/Dockerfile)
        };
        foreach (var (key, value) in QuietLogLevels) environment[key] = value;
        foreach (var (key, value) in settings) environment[key] = value;
        var dll = ServiceBinary(service);
        var child = ChildProcess.Start(label, "dotnet", [dll], environment, Path.GetDirectoryName(dll));
        var started = new ServiceProcess(child, new Uri($"http://127.0.0.1:{port}"));
        await started.WaitHealthyAsync(timeout);
        return started;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{process.Name} exited at start:\n{process.RecentOutput}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{process.Name} not healthy after {timeout.TotalSeconds:0} s:\n{process.RecentOutput}");
            await Task.Delay(250);
        }
    }

    /// <summary>services/Ingestion.X/bin/{Debug|Release}/net10.0/Ingestion.X.dll, in the configuration this assembly was built in.</summary>
    public static string ServiceBinary(string service)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(TestInfrastructure.RepoRoot, "services", service, "bin", configuration, "net10.0", service + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build {service} in {configuration} first", dll);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
