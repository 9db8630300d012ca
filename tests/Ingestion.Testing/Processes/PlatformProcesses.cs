using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ingestion.Testing.Processes;

/// <summary>Where the platform processes find their broker, databases and feeds.</summary>
/// <param name="PostgresServer">Npgsql server part; each service gets database "{DatabasePrefix}_{service}".</param>
public sealed record PlatformSettings(string RabbitMq, string PostgresServer, string DatabasePrefix, IReadOnlyList<string> FeedUrls);

/// <summary>
/// FeedWorker replicas, Store and Alerting as separate real processes over one broker, each with its own
/// database, configured the way an operator configures them (environment variables).
/// </summary>
public sealed class PlatformProcesses(PlatformSettings settings) : IAsyncDisposable
{
    public const string AdminKey = "faults-admin-key-5d1e";
    private int workersStarted;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public ServiceProcess? Store { get; private set; }
    public ServiceProcess? Alerting { get; private set; }
    public List<ServiceProcess> Workers { get; } = [];

    /// <summary>Store and Alerting processes a later start replaced (after a kill): kept for their output and disposal.</summary>
    private readonly List<ServiceProcess> replaced = [];

    /// <summary>How to start each live service again with the settings it was started with.</summary>
    private readonly ConcurrentDictionary<ServiceProcess, Func<Task>> restarts = new();
    private readonly CancellationTokenSource supervision = new();
    private Task? supervisor;

    public string DatabaseOf(string service) => $"{settings.PostgresServer};Database={settings.DatabasePrefix}_{service.ToLowerInvariant()}";

    /// <summary>Settings every service gets, before its own (a fault test's shorter watchdog limits).</summary>
    public IReadOnlyDictionary<string, string?> SharedSettings { get; init; } = new Dictionary<string, string?>();

    private Dictionary<string, string?> Common(string connectionName) => new(SharedSettings)
    {
        ["Bus__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = settings.RabbitMq,
        ["Database__Provider"] = "Postgres",
        [$"ConnectionStrings__{connectionName}"] = DatabaseOf(connectionName),
    };

    /// <summary>Starts the Store; called again (after a kill), the new process takes over on the same database.</summary>
    public async Task<ServiceProcess> StartStoreAsync(IReadOnlyDictionary<string, string?>? extra = null) =>
        Store = Replacing(Store, Restartable(await ServiceProcess.StartAsync("Ingestion.Store", "store", With(Common("Store"), extra), StartTimeout),
            () => StartStoreAsync(extra)));

    /// <summary>
    /// Starts Alerting; called again (after a kill), the new process finds the subscriptions and recorded deliveries
    /// in the same database and the queued incident events on the broker.
    /// </summary>
    public async Task<ServiceProcess> StartAlertingAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var env = Common("Alerting");
        env["Alerting__AdminApiKey"] = AdminKey;
        env["Alerting__AllowPrivateWebhooks"] = "true"; // the receiver listens on loopback
        env["Alerting__FirstRetryDelay"] = "00:00:01"; // a failed delivery is retried within the test's patience
        env["Alerting__MaxRetryDelay"] = "00:00:05";
        // One receiver takes every alert of a run: the per-subscription rate limit would make the run measure itself.
        env["Alerting__DefaultRateLimitPerMinute"] = "1000000";
        if (Store is not null) env["Alerting__StoreBaseUrl"] = Store.BaseAddress.ToString();
        return Alerting = Replacing(Alerting, Restartable(await ServiceProcess.StartAsync("Ingestion.Alerting", "alerting", With(env, extra), StartTimeout),
            () => StartAlertingAsync(extra)));
    }

    public async Task<ServiceProcess> StartWorkerAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var env = Common("Feeds");
        env["FeedWorker__Fetcher__AllowPrivateAddresses"] = "true"; // the feed server listens on loopback
        env["FeedWorker__Fetcher__PerHostMinDelay"] = "00:00:00";
        env["FeedWorker__Fetcher__PerHostConcurrency"] = "64";
        // A feed whose poll died with its worker is polled again within seconds, not after the default 10 minutes.
        env["FeedWorker__PollInterval"] = "00:00:05";
        env["FeedWorker__MinPollInterval"] = "00:00:01";
        env["FeedWorker__LeaseDuration"] = "00:00:30";
        for (var i = 0; i < settings.FeedUrls.Count; i++) env[$"FeedWorker__Feeds__{i}__Url"] = settings.FeedUrls[i];
        var worker = await ServiceProcess.StartAsync("Ingestion.FeedWorker", $"worker{Interlocked.Increment(ref workersStarted)}", With(env, extra), StartTimeout);
        lock (Workers) Workers.Add(worker); // replicas may start side by side
        return Restartable(worker, async () =>
        {
            lock (Workers) Workers.Remove(worker);
            lock (replaced) if (!replaced.Contains(worker)) replaced.Add(worker);
            await StartWorkerAsync(extra);
        });
    }

    /// <summary>Subscribes a webhook to every incident over the subscriptions API; returns the signing secret.</summary>
    public async Task<string> SubscribeAsync(string webhookUrl)
    {
        using var http = new HttpClient { BaseAddress = Alerting!.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var response = await http.PostAsJsonAsync("/subscriptions", new { name = "fault receiver", webhookUrl });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /subscriptions: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    public IEnumerable<ServiceProcess> All => replaced.Concat(Workers).Concat(new[] { Store, Alerting }.OfType<ServiceProcess>());

    /// <summary>The service processes serving now: <see cref="All"/> without those that exited and were started again.</summary>
    public IEnumerable<ServiceProcess> Serving => All.Except(replaced);

    /// <summary>
    /// From now on, a service process that exits by itself is started again with the settings it had, as Compose's
    /// <c>restart: unless-stopped</c> does: the bus watchdog stops a process whose bus it cannot recover and relies on
    /// that. A process the test killed or stopped stays down, for the test to start again when it chooses.
    /// </summary>
    public void RestartExitedServices(Action<string> log) => supervisor ??= Task.Run(async () =>
    {
        var ct = supervision.Token;
        while (!ct.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromMilliseconds(500), ct); }
            catch (OperationCanceledException) { return; }
            foreach (var (service, restart) in restarts)
            {
                if (service.Process.StoppedOnPurpose) restarts.TryRemove(service, out _);
                if (!service.Process.HasExited || service.Process.StoppedOnPurpose || ct.IsCancellationRequested) continue;
                log($"{service.Process.Name} exited by itself with code {service.Process.ExitCode}: restarting it, as its restart policy would");
                try
                {
                    await restart();
                    restarts.TryRemove(service, out _);
                }
                catch (Exception error) { log($"restarting {service.Process.Name} failed, tried again: {error.Message}"); }
            }
        }
    });

    private ServiceProcess Restartable(ServiceProcess started, Func<Task> restart)
    {
        restarts[started] = restart;
        return started;
    }

    private ServiceProcess Replacing(ServiceProcess? previous, ServiceProcess started)
    {
        if (previous is not null) lock (replaced) replaced.Add(previous);
        return started;
    }

    /// <summary>The last output of every process: what a failed test prints.</summary>
    public string Diagnostics() => string.Join("\n", All.Select(s => s.Process.RecentOutput));

    private static Dictionary<string, string?> With(Dictionary<string, string?> env, IReadOnlyDictionary<string, string?>? extra)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) env[key] = value;
        return env;
    }

    public async ValueTask DisposeAsync()
    {
        await supervision.CancelAsync();
        // A restart under way may wait minutes for its process to turn healthy; the process is killed when this one
        // exits (ChildProcess), so a failed test does not wait for it.
        if (supervisor is not null) await Task.WhenAny(supervisor, Task.Delay(TimeSpan.FromSeconds(5)));
        foreach (var service in All.ToList()) await service.DisposeAsync();
    }
}
