using Npgsql;

namespace Ingestion.Testing.Processes;

/// <summary>
/// A PostgreSQL server of its own (initdb in a temp folder, a free port) that a fault test may stop and
/// start freely; the shared server other tests use is never touched. The role "app" is its superuser, with
/// trust authentication on loopback.
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    private readonly string dataFolder;
    private ChildProcess? process;

    private LocalPostgresServer(string dataFolder) => this.dataFolder = dataFolder;

    public int Port { get; } = FreePort.Next();

    /// <summary>Server part of an Npgsql connection string; add ";Database=name".</summary>
    public string Server => $"Host=127.0.0.1;Port={Port};Username=app;Password=app;Timeout=5";

    public static async Task<LocalPostgresServer> StartAsync(string parentFolder)
    {
        var bin = Binaries();
        var folder = Directory.CreateDirectory(Path.Combine(parentFolder, "postgres")).FullName;
        RunAsUser.GiveFolder(folder, "postgres");
        var data = Path.Combine(folder, "data");
        await RunAsUser.RunAsync("postgres", Path.Combine(bin, "initdb"), "-D", data, "-U", "app", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions");
        var server = new LocalPostgresServer(data);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server on its data folder and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var (file, args) = RunAsUser.Command("postgres", Path.Combine(Binaries(), "postgres"), "-D", dataFolder, "-p", Port.ToString(),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={dataFolder}", "-c", "max_connections=300", "-c", "fsync=off");
        process = ChildProcess.Start("postgres", file, args, new Dictionary<string, string?>());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(Server + ";Database=postgres;Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited) { await Task.Delay(200); }
        }
    }

    /// <summary>Fast shutdown (SIGINT): sessions are cut, as when an operator restarts the database.</summary>
    public async Task StopAsync()
    {
        if (process is not null) await process.StopAsync(TimeSpan.FromSeconds(60), interrupt: true);
    }

    private static string Binaries() =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin")).LastOrDefault()
        ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql");

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false }) await StopAsync();
        if (process is not null) await process.DisposeAsync();
    }
}
